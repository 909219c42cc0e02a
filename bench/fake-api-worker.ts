// Runs the fake Bot API server in its own process for the load benchmark, so that the server's
// work does not compete with the bot's event loop and the bot's CPU time can be read on its own.
// Messages over the IPC channel: inject/close ← bot, ready/reply/closed → bot.
import type { ApiCall } from "../tests/support/fake-bot-api.js";
import { startFakeBotApi } from "../tests/support/fake-bot-api.js";

export type ToWorker = { type: "inject"; userId: number; text: string } | { type: "close" };
export type FromWorker =
  | { type: "ready"; url: string; token: string }
  | { type: "reply"; chatId: number; at: number }
  | { type: "closed"; calls: Record<string, number> };

const send = process.send?.bind(process);
if (!send) throw new Error("fake-api-worker must run as a child process with an IPC channel");
const post = (m: FromWorker) => send(m);
const api = await startFakeBotApi();
const calls: Record<string, number> = {};
api.on("call", (call: ApiCall) => {
  calls[call.method] = (calls[call.method] ?? 0) + 1;
  if (call.method === "sendMessage" && call.response.ok) post({ type: "reply", chatId: Number(call.params.chat_id), at: call.at });
});
process.on("message", (m: ToWorker) => {
  if (m.type === "inject") void api.injectText(m.text, { userId: m.userId, languageCode: "ru" });
  else
    void api.close().then(() => {
      post({ type: "closed", calls });
      process.disconnect();
    });
});
post({ type: "ready", url: api.url, token: api.token });
