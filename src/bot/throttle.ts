// Outgoing throttling within Telegram's limits, for the methods that post into chats.
import { apiThrottler } from "@grammyjs/transformer-throttler";
import type { Transformer } from "grammy";

/** Methods that count against Telegram's per-chat message limits (chat actions do not). */
export function isThrottledMethod(method: string): boolean {
  return (
    (method.startsWith("send") && method !== "sendChatAction") ||
    method.startsWith("editMessage") ||
    method === "copyMessage" ||
    method === "forwardMessage"
  );
}

/**
 * About 1 message/s per chat, 20/min per group, 30/s overall (the throttler's defaults, which
 * follow Telegram's FAQ). Other methods (chat actions, inline answers, getUpdates) pass straight through.
 */
export function createThrottler(): Transformer {
  const throttled = apiThrottler();
  return (prev, method, payload, signal) =>
    isThrottledMethod(method) ? throttled(prev, method, payload, signal) : prev(method, payload, signal);
}
