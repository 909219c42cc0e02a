// Per-chat memory for follow-up questions ("а сколько их было?"): grammY's session plugin,
// in memory by default, behind its StorageAdapter interface (any grammY storage adapter works).

import type { Context } from "grammy";
import { type MiddlewareFn, type SessionFlavor, type StorageAdapter, session } from "grammy";

/** How many earlier questions of a chat are kept (oldest dropped first). */
export const HISTORY_SIZE = 5;

export interface ChatSession {
  /** The chat's last questions, oldest first. */
  history: string[];
}

export type SessionContext = SessionFlavor<ChatSession>;

/** One session per chat; inline queries and updates without a chat have none. */
export function createSession<C extends Context & SessionContext>(storage?: StorageAdapter<ChatSession>): MiddlewareFn<C> {
  return session<ChatSession, C>({
    initial: () => ({ history: [] }),
    getSessionKey: (ctx) => (ctx.inlineQuery ? undefined : ctx.chat?.id.toString()),
    ...(storage ? { storage } : {}),
  });
}

/** The chat's earlier questions (empty where there is no session). */
export function historyOf(ctx: Context & Partial<SessionContext>): string[] {
  try {
    return ctx.chat && !ctx.inlineQuery ? [...(ctx.session?.history ?? [])] : [];
  } catch {
    return []; // no session key for this update
  }
}

/** Remembers a question that was asked as a question (not small talk or an attack). */
export function remember(ctx: Context & Partial<SessionContext>, question: string): void {
  if (!ctx.chat || ctx.inlineQuery || !ctx.session) return;
  const history = ctx.session.history;
  history.push(question.slice(0, 500));
  if (history.length > HISTORY_SIZE) history.splice(0, history.length - HISTORY_SIZE);
}
