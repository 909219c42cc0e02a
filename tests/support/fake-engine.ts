// A controllable Engine for unit tests (the real one is used in e2e tests).
import type { AnswerResult, AskOptions, CorpusDocument, Engine, EngineResult, Lang, RefusalResult } from "../../src/engine/types.js";

export const TEST_DOCS: CorpusDocument[] = [
  {
    id: "delegation",
    file: "delegation.md",
    title: 'Talks <in> Baku & "partners"',
    date: "2026-02-10",
    url: "https://example.org/a?x=1&y=2",
    lang: "ru",
    body: "…",
  },
  { id: "summit", file: "summit.md", title: "Summit notes", date: "2025-08-08", lang: "en", body: "…" },
];

export function toAnswer(over: Partial<AnswerResult> = {}): AnswerResult {
  const quote = over.lead ?? "The delegation included representatives of 31 companies.";
  return {
    kind: "answer",
    lang: "en",
    lead: quote,
    // The evidence in the reader's language: no language note unless a test asks for one.
    evidenceLangs: [over.lang ?? "en"],
    citations: [
      {
        n: 1,
        quote,
        doc: "delegation",
        title: TEST_DOCS[0]!.title,
        date: "2026-02-10",
        url: TEST_DOCS[0]!.url,
        part: "body",
        start: 0,
        end: quote.length,
      },
    ],
    mode: "extractive",
    ms: 1,
    ...over,
  };
}

export function toRefusal(over: Partial<RefusalResult> = {}): RefusalResult {
  return { kind: "refusal", lang: "en", reason: "off_topic", ms: 1, ...over };
}

export interface FakeEngine extends Engine {
  asked: { question: string; options: AskOptions | undefined }[];
}

export function createFakeEngine(
  answer: (question: string, options?: AskOptions) => EngineResult | Promise<EngineResult> = () => toAnswer(),
): FakeEngine {
  const asked: FakeEngine["asked"] = [];
  return {
    asked,
    async ask(question, options) {
      asked.push({ question, options });
      return answer(question, options);
    },
    documents: () => TEST_DOCS,
    detectLang: (text: string): Lang => (/[а-яё]/i.test(text) ? "ru" : "en"),
    close: async () => {},
  };
}
