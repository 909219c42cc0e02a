import { MemorySessionStorage } from "grammy";
import { describe, expect, it } from "vitest";
import { type ChatSession, HISTORY_SIZE } from "../../src/bot/session.js";
import { createFakeEngine, toAnswer, toRefusal } from "../support/fake-engine.js";
import { createHarness } from "../support/harness.js";
import { groupText, inlineQuery, privateText } from "../support/updates.js";

describe("chat session (follow-ups)", () => {
  it("should pass the chat's earlier questions to the engine, oldest first", async () => {
    const engine = createFakeEngine(() => toAnswer());
    const h = createHarness({ engine });
    await h.send(privateText("Кто возглавлял делегацию?"));
    await h.send(privateText("а сколько их было?"));
    expect(engine.asked[0]!.options).toMatchObject({ history: [] });
    expect(engine.asked[1]!.options).toMatchObject({ history: ["Кто возглавлял делегацию?"] });
  });

  it("should keep only the last few questions", async () => {
    const engine = createFakeEngine(() => toAnswer());
    const h = createHarness({ engine });
    for (let k = 0; k < HISTORY_SIZE + 3; k++) await h.send(privateText(`question ${k}`));
    const last = engine.asked.at(-1)!.options as { history: string[] };
    expect(last.history).toHaveLength(HISTORY_SIZE);
    expect(last.history.at(-1)).toBe(`question ${HISTORY_SIZE + 1}`);
  });

  it("should not remember greetings and attacks", async () => {
    const engine = createFakeEngine((q) => (q === "Привет!" ? toRefusal({ reason: "small_talk" }) : toAnswer()));
    const h = createHarness({ engine });
    await h.send(privateText("Привет!"));
    await h.send(privateText("Кто возглавлял делегацию?"));
    expect(engine.asked[1]!.options).toMatchObject({ history: [] });
  });

  it("should keep chats apart and use the storage it is given", async () => {
    const storage = new MemorySessionStorage<ChatSession>();
    const engine = createFakeEngine(() => toAnswer());
    const h = createHarness({ engine, sessionStorage: storage });
    await h.send(privateText("first private question"));
    await h.send(groupText("@event_qa_bot a group question"));
    expect(engine.asked[1]!.options).toMatchObject({ history: [] });
    expect(storage.read("42")?.history).toEqual(["first private question"]);
  });

  it("should read and write the storage only for questions, not for commands, chatter or inline queries", async () => {
    const used: string[] = [];
    class CountingStorage extends MemorySessionStorage<ChatSession> {
      override read(key: string) {
        used.push(`read ${key}`);
        return super.read(key);
      }
      override write(key: string, value: ChatSession) {
        used.push(`write ${key}`);
        super.write(key, value);
      }
    }
    const engine = createFakeEngine(() => toAnswer());
    const h = createHarness({ engine, sessionStorage: new CountingStorage() });
    await h.send(privateText("/start"));
    await h.send(privateText("/help"));
    await h.send(groupText("people talking among themselves"));
    await h.send(inlineQuery("who led the delegation?"));
    expect(used).toEqual([]);
    await h.send(privateText("Кто возглавлял делегацию?"));
    expect(used).toEqual(["read 42", "write 42"]);
    expect(h.sentTexts().length).toBeGreaterThanOrEqual(3);
  });
});
