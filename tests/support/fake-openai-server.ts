/**
 * An OpenAI-compatible chat server on 127.0.0.1 with scripted replies, for end-to-end tests of the
 * LLM path (this module, the engine's and the bot's integration tests). Serves
 * `POST /v1/chat/completions`, plain JSON or SSE when the request says `stream: true`.
 *
 *   const server = await startFakeOpenAIServer();
 *   server.enqueue({ content: "The talks were in Baku [1]." }, { status: 500 });
 *   createChatModel({ LLM_PROVIDER: "openai", LLM_BASE_URL: server.baseURL, LLM_API_KEY: "test", LLM_MODEL: "fake" });
 *   await server.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted reply. */
export interface ScriptedReply {
  /** Assistant message text (default ""). */
  content?: string;
  /** HTTP status; anything but 200 sends an OpenAI-style error body. */
  status?: number;
  /** Wait this long before answering (for timeouts); cut short when the client disconnects. */
  delayMs?: number;
  /** When streaming, send the content in these pieces (default: about 8 characters each). */
  chunks?: string[];
  /** Pause between streamed chunks, ms. */
  chunkDelayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** Parsed JSON body (undefined when not JSON). */
  body: ChatRequestBody | undefined;
}

export interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: unknown }[];
  [key: string]: unknown;
}

export interface FakeOpenAIServer {
  /** `http://127.0.0.1:PORT/v1`, ready for `LLM_BASE_URL`. */
  readonly baseURL: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Queues replies, served one per chat request in order. */
  enqueue(...replies: ScriptedReply[]): void;
  /** Reply used when the queue is empty (a function can route on the request). */
  setFallback(reply: ScriptedReply | ((req: RecordedRequest) => ScriptedReply)): void;
  /** Replies still queued. */
  pending(): number;
  /** Forgets queued replies and recorded requests (between tests). */
  reset(): void;
  close(): Promise<void>;
}

/** Text of the last user message of a request (handy in fallback routers). */
export function lastUserText(req: RecordedRequest): string {
  const msgs = req.body?.messages ?? [];
  for (let i = msgs.length - 1; i >= 0; i--) {
    const m = msgs[i];
    if (m?.role === "user") return typeof m.content === "string" ? m.content : JSON.stringify(m.content);
  }
  return "";
}

/** Starts the server on an ephemeral port of 127.0.0.1. */
export async function startFakeOpenAIServer(
  options: { replies?: ScriptedReply[]; fallback?: ScriptedReply | ((req: RecordedRequest) => ScriptedReply) } = {},
): Promise<FakeOpenAIServer> {
  const queue: ScriptedReply[] = [...(options.replies ?? [])];
  let fallback = options.fallback ?? { status: 500, content: "no scripted reply left" };
  const requests: RecordedRequest[] = [];
  let counter = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let body: ChatRequestBody | undefined;
    try {
      body = raw ? (JSON.parse(raw) as ChatRequestBody) : undefined;
    } catch {
      body = undefined;
    }
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const record: RecordedRequest = { method: req.method ?? "GET", path, headers: req.headers, body };
    requests.push(record);

    if (req.method === "GET" && path === "/v1/models") {
      return json(res, 200, { object: "list", data: [{ id: "fake", object: "model", owned_by: "test" }] });
    }
    if (req.method !== "POST" || path !== "/v1/chat/completions") {
      return json(res, 404, { error: { message: `no route ${req.method} ${path}`, type: "invalid_request_error" } });
    }
    if (!body || !Array.isArray(body.messages)) {
      return json(res, 400, { error: { message: "body must be JSON with messages", type: "invalid_request_error" } });
    }
    const reply = queue.shift() ?? (typeof fallback === "function" ? fallback(record) : fallback);
    if (reply.delayMs && !(await wait(reply.delayMs, res))) return;
    const status = reply.status ?? 200;
    if (status !== 200) {
      return json(res, status, {
        error: { message: reply.content ?? `scripted HTTP ${status}`, type: status >= 500 ? "server_error" : "invalid_request_error" },
      });
    }
    const id = `chatcmpl-fake-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model ?? "fake";
    const content = reply.content ?? "";
    if (!body.stream) {
      return json(res, 200, {
        id,
        object: "chat.completion",
        created,
        model,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      });
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const send = (delta: Record<string, unknown>, finish: string | null) =>
      res.write(
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`,
      );
    send({ role: "assistant", content: "" }, null);
    const pieces = reply.chunks ?? content.match(/[\s\S]{1,8}/g) ?? [];
    for (const piece of pieces) {
      if (reply.chunkDelayMs && !(await wait(reply.chunkDelayMs, res))) return;
      send({ content: piece }, null);
    }
    send({}, "stop");
    res.end("data: [DONE]\n\n");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    setFallback: (reply) => {
      fallback = reply;
    },
    pending: () => queue.length,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Waits `ms`; false when the client went away meanwhile. */
function wait(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve(!res.destroyed);
    }, ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    res.once("close", onClose);
  });
}
