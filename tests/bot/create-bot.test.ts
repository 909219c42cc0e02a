import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createFakeEngine, toAnswer } from "../support/fake-engine.js";
import { loadUpdate } from "../support/fixtures.js";
import { createHarness } from "../support/harness.js";
import { groupText, inlineQuery, privateText } from "../support/updates.js";

function captureLogger(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split("\n")) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

describe("error boundary", () => {
  it("should apologise in the user's language and log the failure with its update when the engine throws", async () => {
    const { logger, lines } = captureLogger();
    const engine = createFakeEngine(() => {
      throw new Error("index exploded");
    });
    const h = createHarness({ engine, logger });
    const update = privateText("Who led the delegation?", { languageCode: "ru" });
    await expect(h.send(update)).resolves.toBeUndefined();
    expect(h.sentTexts()).toEqual(["Извините, что-то пошло не так. Попробуйте ещё раз чуть позже."]);
    const failure = lines.find((l) => l.msg === "handler failed");
    expect(failure).toMatchObject({ level: 50, update_id: update.update_id, update_type: "message", chat_id: 42 });
    expect(JSON.stringify(failure)).toContain("index exploded");
    // The bot keeps working afterwards.
    await h.send(privateText("/help"));
    expect(h.sentTexts()).toHaveLength(2);
  });

  it("should reply to the asking message with the apology in a group", async () => {
    const h = createHarness({ engine: createFakeEngine(() => Promise.reject(new Error("boom"))) });
    const update = groupText("/ask what happened?");
    await h.send(update);
    expect(h.of("sendMessage")[0]!.payload).toMatchObject({ reply_parameters: { message_id: update.message!.message_id } });
  });

  it("should survive when even the apology cannot be sent", async () => {
    const h = createHarness({
      engine: createFakeEngine(() => Promise.reject(new Error("boom"))),
      respond: (c) =>
        c.method === "sendMessage" ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined,
    });
    await expect(h.send(privateText("question"))).resolves.toBeUndefined();
  });
});

describe("logging", () => {
  it("should never log the token, and log message text only at debug level", async () => {
    for (const level of ["info", "debug"]) {
      const { logger, lines } = captureLogger(level);
      const h = createHarness({
        logger,
        engine: createFakeEngine(() => {
          throw new Error("request to https://api.telegram.org/bot123:TEST/sendMessage failed");
        }),
      });
      await h.send(privateText("secret question text"));
      const all = JSON.stringify(lines);
      expect(all).not.toContain("123:TEST");
      expect(all).toContain("[redacted]");
      if (level === "info") expect(all).not.toContain("secret question text");
      else
        expect(lines.find((l) => l.msg === "update received")).toMatchObject({
          text: "secret question text",
          update_id: expect.any(Number),
          chat_type: "private",
        });
    }
  });
});

describe("rate limit", () => {
  it("should answer up to RATE_LIMIT_PER_MINUTE questions per user and then say so politely once", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine, env: { RATE_LIMIT_PER_MINUTE: "3" } });
    for (let i = 0; i < 6; i++) await h.send(privateText(`question ${i}`, { userId: 42 }));
    await h.send(privateText("question from someone else", { userId: 99 }));
    expect(engine.asked.map((a) => a.question)).toEqual(["question 0", "question 1", "question 2", "question from someone else"]);
    const toFirstUser = h
      .of("sendMessage")
      .filter((c) => c.payload.chat_id === 42)
      .map((c) => c.payload.text as string);
    expect(toFirstUser).toHaveLength(4);
    expect(toFirstUser.filter((t) => t.includes("a lot of questions"))).toHaveLength(1);
  });

  it("should not count ignored group chatter against the limit", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine, env: { RATE_LIMIT_PER_MINUTE: "1" } });
    for (let i = 0; i < 5; i++) await h.send(groupText(`chatter ${i}`));
    await h.send(groupText("/ask real question"));
    expect(engine.asked.map((a) => a.question)).toEqual(["real question"]);
  });
});

describe("sequencing", () => {
  it("should answer one chat's questions in order even when the first is slower", async () => {
    let n = 0;
    const engine = createFakeEngine(async (q) => {
      const delay = n++ === 0 ? 80 : 0;
      await new Promise((r) => setTimeout(r, delay));
      return toAnswer({ lead: `re: ${q}` });
    });
    const h = createHarness({ engine });
    await Promise.all([h.send(privateText("first")), h.send(privateText("second"))]);
    const texts = h.sentTexts();
    expect(texts[0]).toContain("re: first");
    expect(texts[1]).toContain("re: second");
  });
});

describe("fixture sanity", () => {
  it("should keep fixtures real Update objects with one update kind each", () => {
    const u = loadUpdate("sticker");
    expect(Object.keys(u).sort()).toEqual(["message", "update_id"]);
  });
});

describe("queues", () => {
  it("should answer an inline query while the same user's private question is still being answered", async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => (release = r));
    const engine = createFakeEngine(async (q) => {
      if (q.startsWith("slow")) await slow;
      return toAnswer({ lead: `Answer to ${q}` });
    });
    const h = createHarness({ engine });
    const privateDone = h.send(privateText("slow question", { userId: 7 }));
    await h.send(inlineQuery("fast question", { userId: 7 }));
    expect(h.of("answerInlineQuery")).toHaveLength(1); // not queued behind the private answer
    release();
    await privateDone;
  });
});

describe("answer option", () => {
  it("should hand private and group questions to the given handler instead of the engine", async () => {
    const engine = createFakeEngine();
    const seen: string[] = [];
    const h = createHarness({
      engine,
      answer: async (ctx, question) => {
        seen.push(question);
        await ctx.reply(`echo: ${question}`);
      },
    });
    await h.send(privateText("who led the delegation?"));
    await h.send(groupText("/ask what happened?"));
    expect(seen).toEqual(["who led the delegation?", "what happened?"]);
    expect(h.sentTexts()).toEqual(["echo: who led the delegation?", "echo: what happened?"]);
    expect(engine.asked).toHaveLength(0);
  });
});
