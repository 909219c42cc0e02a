import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type EngineInternals } from "../../src/engine/engine.js";
import { plainText } from "../../src/render/text.js";
import { CORPUS_DIR } from "../fixtures/paths.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../support/fake-openai-server.js";

// The engine with a model configured, against an OpenAI-compatible server on 127.0.0.1.
describe("engine with a language model", () => {
  let server: FakeOpenAIServer;
  let engine: EngineInternals;
  let dir: string;

  beforeAll(async () => {
    server = await startFakeOpenAIServer();
    dir = mkdtempSync(join(tmpdir(), "engine-llm-"));
    cpSync(CORPUS_DIR, join(dir, "corpus"), { recursive: true });
    engine = await createEngine({
      CORPUS_DIR: join(dir, "corpus"),
      INDEX_DIR: join(dir, "index"),
      LLM_PROVIDER: "openai",
      LLM_BASE_URL: `${server.baseURL}`,
      LLM_API_KEY: "test",
      LLM_MODEL: "fake",
      LLM_TIMEOUT_MS: 2000,
      LLM_STREAM: false,
    });
    server.reset();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("should show a verified generated answer with real citations", async () => {
    server.enqueue({ content: "В делегацию вошли представители 31 компании [1]." });
    const r = await engine.ask("Сколько компаний было представлено в делегации?");
    expect(r.kind).toBe("answer");
    if (r.kind !== "answer") return;
    expect(r.mode).toBe("generative");
    expect(r.generated).toContain("31 компании [1]");
    expect(r.citations[0]!.quote).toContain("31 компании");
    expect(engine.documents()[0]!.body.slice(r.citations[0]!.start, r.citations[0]!.end)).toBe(r.citations[0]!.quote);
  });

  it("should fall back to the extractive answer when the model cites a passage it was not given", async () => {
    server.enqueue({ content: "В делегацию вошли представители 31 компании [7]." });
    const r = await engine.ask("Сколько компаний было представлено в делегации?");
    expect(r.kind === "answer" && r.mode).toBe("extractive");
  });

  it("should fall back to the extractive answer when the model invents a number", async () => {
    server.enqueue({ content: "В делегацию вошли представители 45 компаний [1]." });
    const r = await engine.ask("Сколько компаний было представлено в делегации?");
    expect(r.kind === "answer" && r.mode).toBe("extractive");
    expect(r.kind === "answer" && r.generated).toBeUndefined();
    expect(plainText(r, engine.documents())).not.toContain("45");
  });

  it("should refuse when the model answers with the refusal token", async () => {
    server.enqueue({ content: "NO_ANSWER" });
    const r = await engine.ask("Сколько компаний было представлено в делегации?");
    expect(r.kind).toBe("refusal");
  });

  it("should let the model answer a question the extractive rules would refuse, and refuse when it says NO_ANSWER", async () => {
    // "Сколько длилась встреча?": no sentence gives a duration, so the extractive rules refuse; the model decides.
    const question = "Сколько длилась встреча с делегацией?";
    expect((await engine.ask(question, { extractiveOnly: true })).kind).toBe("refusal");
    const before = server.requests.length;
    server.enqueue({ content: "NO_ANSWER" });
    const r = await engine.ask(question);
    expect(server.requests.length).toBeGreaterThan(before);
    expect(r.kind).toBe("refusal");
  });

  it("should keep the extractive refusal when the model's answer for such a question fails verification", async () => {
    server.enqueue({ content: "Встреча длилась три часа [1]." });
    const r = await engine.ask("Сколько длилась встреча с делегацией?");
    expect(r.kind).toBe("refusal");
  });

  it("should never send an off-topic question to the model", async () => {
    const before = server.requests.length;
    const r = await engine.ask("What is the capital of France?");
    expect(r.kind).toBe("refusal");
    expect(server.requests.length).toBe(before);
  });

  it("should not call the model when only an extractive answer is wanted (inline queries)", async () => {
    const before = server.requests.length;
    const r = await engine.ask("Сколько компаний было представлено в делегации?", { extractiveOnly: true });
    expect(r.kind === "answer" && r.mode).toBe("extractive");
    expect(server.requests.length).toBe(before);
  });
});
