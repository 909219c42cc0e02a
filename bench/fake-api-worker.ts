// Runs the fake Bot API server in its own thread for the load benchmark, so that the server's
// work does not compete with the bot's event loop. Messages: inject ← main, ready/reply → main.
import { parentPort } from "node:worker_threads";
import type { ApiCall } from "../tests/support/fake-bot-api.js";
import { startFakeBotApi } from "../tests/support/fake-bot-api.js";

export type ToWorker = { type: "inject"; userId: number; text: string } | { type: "close" };
export type FromWorker =
  | { type: "ready"; url: string; token: string }
  | { type: "reply"; chatId: number; at: number }
  | { type: "closed"; calls: Record<string, number> };

const port = parentPort;
if (!port) throw new Error("fake-api-worker must run in a worker thread");
const api = await startFakeBotApi();
const post = (m: FromWorker) => port.postMessage(m);
const calls: Record<string, number> = {};
api.on("call", (call: ApiCall) => {
  calls[call.method] = (calls[call.method] ?? 0) + 1;
  if (call.method === "sendMessage" && call.response.ok) post({ type: "reply", chatId: Number(call.params.chat_id), at: call.at });
});
port.on("message", (m: ToWorker) => {
  if (m.type === "inject") void api.injectText(m.text, { userId: m.userId, languageCode: "ru" });
  else
    void api.close().then(() => {
      post({ type: "closed", calls });
      port.close();
    });
});
post({ type: "ready", url: api.url, token: api.token });
