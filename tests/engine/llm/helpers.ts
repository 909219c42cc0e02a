import { Writable } from "node:stream";
import type { BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { type Logger, pino } from "pino";
import { loadPrompts } from "../../../src/engine/llm/prompts.js";

export const prompts = loadPrompts("prompts");

/** A pino logger whose JSON lines land in `lines` (to check what is logged, and what is not). */
export function captureLogger(): { logger: Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  const out: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out.push(chunk.toString("utf8"));
      cb();
    },
  });
  const logger = pino({ level: "debug" }, stream);
  return {
    logger,
    text: () => out.join(""),
    lines: () =>
      out
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** An HTTP-like error as the OpenAI SDK throws them. */
export function httpError(status: number, message = `HTTP ${status}`): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}

/**
 * FakeListChatModel that also records the messages it received and can fail: each script entry is
 * a reply text or an Error to throw for that call.
 */
export class ScriptedChatModel extends FakeListChatModel {
  readonly calls: BaseMessage[][] = [];
  private readonly script: (string | Error)[];
  constructor(script: (string | Error)[], sleep?: number) {
    super({ responses: script.map((s) => (typeof s === "string" ? s : "")), sleep });
    this.script = script;
  }
  override async _generate(messages: BaseMessage[], options?: this["ParsedCallOptions"]): Promise<ChatResult> {
    this.calls.push(messages);
    const entry = this.script[this.i];
    if (entry instanceof Error) {
      this._incrementResponse();
      throw entry;
    }
    return super._generate(messages, options);
  }
}

export function contentOf(m: BaseMessage | undefined): string {
  return typeof m?.content === "string" ? m.content : JSON.stringify(m?.content);
}
