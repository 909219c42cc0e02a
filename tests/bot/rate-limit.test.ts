import type { MiddlewareFn } from "grammy";
import { describe, expect, it, vi } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { createQuestionLimiter, passThrough } from "../../src/bot/rate-limit.js";

interface FakeCtx {
  from?: { id: number };
  chat?: { id: number; type: string };
  msg?: { message_id: number; sender_chat?: { id: number } };
  replies: unknown[][];
}

function fakeCtx(opts: { userId?: number; chatId?: number; type?: string; senderChat?: number } = {}) {
  const ctx: FakeCtx & Record<string, unknown> = {
    from: opts.userId === undefined ? undefined : { id: opts.userId },
    chat: { id: opts.chatId ?? opts.userId ?? 1, type: opts.type ?? "private" },
    msg: { message_id: 5, ...(opts.senderChat ? { sender_chat: { id: opts.senderChat } } : {}) },
    replies: [],
    ui: { rateLimited: "Please wait." },
    log: { info: vi.fn(), debug: vi.fn() },
  };
  ctx.reply = async (...args: unknown[]) => {
    ctx.replies.push(args);
  };
  return ctx;
}

/** Runs the limiter; true when the question got through. */
async function passes(limiter: MiddlewareFn<BotContext>, ctx: FakeCtx) {
  let through = false;
  await limiter(ctx as unknown as BotContext, async () => {
    through = true;
  });
  return through;
}

describe("createQuestionLimiter", () => {
  it("should let perMinute questions through, say so once, then drop the rest silently", async () => {
    const limiter = createQuestionLimiter(2) as MiddlewareFn<BotContext>;
    const ctx = fakeCtx({ userId: 1 });
    expect([await passes(limiter, ctx), await passes(limiter, ctx)]).toEqual([true, true]);
    expect(await passes(limiter, ctx)).toBe(false);
    expect(ctx.replies).toEqual([["Please wait.", {}]]);
    expect(await passes(limiter, ctx)).toBe(false);
    expect(ctx.replies).toHaveLength(1);
    // Another user has a limit of their own.
    expect(await passes(limiter, fakeCtx({ userId: 2 }))).toBe(true);
  });

  it("should quote the question in groups when it says so", async () => {
    const limiter = createQuestionLimiter(1) as MiddlewareFn<BotContext>;
    const ctx = fakeCtx({ userId: 3, chatId: -100, type: "supergroup" });
    await passes(limiter, ctx);
    await passes(limiter, ctx);
    expect(ctx.replies).toEqual([["Please wait.", { reply_parameters: { message_id: 5, allow_sending_without_reply: true } }]]);
  });

  it("should start a new window after windowMs", async () => {
    const limiter = createQuestionLimiter(1, 200) as MiddlewareFn<BotContext>;
    const ctx = fakeCtx({ userId: 4 });
    expect(await passes(limiter, ctx)).toBe(true);
    expect(await passes(limiter, ctx)).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await passes(limiter, ctx)).toBe(true);
  });

  it("should count anonymous senders (one shared 'user') by the chat they post as", async () => {
    const limiter = createQuestionLimiter(1) as MiddlewareFn<BotContext>;
    // Telegram's anonymous-admin user id is the same for every group.
    expect(await passes(limiter, fakeCtx({ userId: 1087968824, chatId: -1, type: "supergroup", senderChat: -1 }))).toBe(true);
    expect(await passes(limiter, fakeCtx({ userId: 1087968824, chatId: -2, type: "supergroup", senderChat: -2 }))).toBe(true);
    expect(await passes(limiter, fakeCtx({ userId: 1087968824, chatId: -1, type: "supergroup", senderChat: -1 }))).toBe(false);
  });
});

describe("passThrough", () => {
  it("should just call the next middleware", async () => {
    expect(await passes(passThrough as MiddlewareFn<BotContext>, fakeCtx({ userId: 1 }))).toBe(true);
  });
});
