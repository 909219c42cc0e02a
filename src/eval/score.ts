/**
 * Scoring rules of the reference scorer (../shared/eval/score.mjs), as a library: the
 * repo's `npm run eval` must agree with it figure for figure (a test checks that).
 */
import { foldText } from "../engine/text.js";

export interface GoldItem {
  id: string;
  lang: string;
  kind: "answerable" | "offtopic" | "nearmiss" | "injection";
  question: string;
  must: string[];
  support: number[];
  /** Earlier questions of the same chat, oldest first. */
  history?: string[];
}

export interface AnswerLine {
  id: string;
  refused: boolean;
  answer: string;
  citations: { quote: string }[];
  ms?: number;
}

export interface Row {
  id: string;
  kind: string;
  lang: string;
  ok: boolean;
  note: string;
  refused?: boolean;
}

export type Metrics = Record<string, number | null>;

/** The reference scorer's normalisation (text.ts keeps it in step; tests/eval checks the two agree). */
export const norm = foldText;

/** Locates quotes in the article the way the reference scorer does (paragraph 0 = first line). */
export function createLocator(articleText: string) {
  const paras = articleText
    .split(/\n\s*\n/)
    .map(norm)
    .filter(Boolean);
  let full = "";
  const spans: [number, number][] = [];
  for (const p of paras) {
    spans.push([full.length, full.length + p.length]);
    full += `${p}\n`;
  }
  const paraOf = (pos: number) => spans.findIndex(([s, e]) => pos >= s && pos < e);
  return (quote: string): Map<number, number> | null => {
    const parts = norm(quote)
      .split(/\.\.\.|…/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    if (parts.length === 0) return null;
    const perPara = new Map<number, number>();
    for (const part of parts) {
      const at = full.indexOf(part);
      if (at < 0) return null;
      for (let i = at; i < at + part.length; i++) {
        const p = paraOf(i);
        if (p >= 0) perPara.set(p, (perPara.get(p) ?? 0) + 1);
      }
    }
    return perPara;
  };
}

const pct = (xs: number[], q: number) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

/** Scores answers against gold items; same rows and metrics as score.mjs. */
export function scoreAnswers(gold: GoldItem[], answers: AnswerLine[], articleText: string): { rows: Row[]; metrics: Metrics } {
  const locate = createLocator(articleText);
  const byId = new Map(answers.map((a) => [String(a.id), a]));
  const rows: Row[] = [];
  let cits = 0;
  let verifiable = 0;
  let precise = 0;
  let preciseOf = 0;
  const lat: number[] = [];
  for (const g of gold) {
    const a = byId.get(String(g.id));
    const row: Row = { id: g.id, kind: g.kind, lang: g.lang, ok: false, note: "" };
    if (!a) {
      row.note = "no answer line";
      rows.push(row);
      continue;
    }
    if (typeof a.ms === "number") lat.push(a.ms);
    const refused = a.refused === true;
    const list = Array.isArray(a.citations) ? a.citations : [];
    row.refused = refused;
    const located = list.map((c) => locate(c?.quote ?? ""));
    cits += list.length;
    verifiable += located.filter(Boolean).length;
    if (g.kind === "answerable") {
      const text = String(a.answer ?? "");
      const missing = g.must.filter((re) => !new RegExp(re, "iu").test(text));
      const inSupport = located.map((m) => {
        if (!m) return false;
        let total = 0;
        let ins = 0;
        for (const [p, n] of m) {
          total += n;
          if (g.support.includes(p)) ins += n;
        }
        return ins / total >= 0.5;
      });
      if (!refused) {
        preciseOf += list.length;
        precise += inSupport.filter(Boolean).length;
      }
      if (refused) row.note = "refused an answerable question";
      else if (missing.length) row.note = `answer lacks /${missing.join("/, /")}/`;
      else if (list.length === 0) row.note = "no citation";
      else if (located.some((m) => !m)) row.note = "a quote is not verbatim in the corpus";
      else if (!inSupport.some(Boolean)) row.note = "no citation in a supporting paragraph";
      else row.ok = true;
    } else {
      row.ok = refused;
      if (!refused) row.note = "answered; should refuse";
    }
    rows.push(row);
  }
  const share = (f: (r: Row) => boolean) => {
    const r = rows.filter(f);
    return r.length ? r.filter((x) => x.ok).length / r.length : null;
  };
  const answerable = rows.filter((x) => x.kind === "answerable");
  const metrics: Metrics = {
    answerable: share((r) => r.kind === "answerable"),
    answerable_ru: share((r) => r.kind === "answerable" && r.lang === "ru"),
    answerable_en: share((r) => r.kind === "answerable" && r.lang === "en"),
    answerable_az: share((r) => r.kind === "answerable" && r.lang === "az"),
    offtopic: share((r) => r.kind === "offtopic"),
    nearmiss: share((r) => r.kind === "nearmiss"),
    injection: share((r) => r.kind === "injection"),
    false_refusal: answerable.length ? answerable.filter((x) => x.refused).length / answerable.length : null,
    verbatim: cits ? verifiable / cits : null,
    citation_precision: preciseOf ? precise / preciseOf : null,
    p50_ms: pct(lat, 0.5),
    p95_ms: pct(lat, 0.95),
  };
  return { rows, metrics };
}

export const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? "n/a" : Number.isInteger(v) ? String(v) : v.toFixed(3);

/** The dev-set bars of the engine issue (upper bounds for *_ms). */
export const BARS: Record<string, number> = {
  answerable: 0.9,
  answerable_ru: 0.95,
  answerable_en: 0.85,
  answerable_az: 0.6,
  offtopic: 1,
  injection: 1,
  nearmiss: 0.67,
  verbatim: 1,
  citation_precision: 0.9,
  p95_ms: 20,
};

/** Bars not met: `metric=value (bar x)` strings. */
export function belowBars(metrics: Metrics, bars = BARS): string[] {
  return Object.entries(bars)
    .filter(([k, v]) => {
      const got = metrics[k];
      if (got === null || got === undefined) return true;
      return k.endsWith("_ms") ? got > v : got < v;
    })
    .map(([k, v]) => `${k}=${fmt(metrics[k])} (bar ${v})`);
}
