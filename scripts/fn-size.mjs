#!/usr/bin/env node
// Lists the engine's functions that are too long or too branchy (issue 11: no function over 60 lines
// or cyclomatic complexity 20 in the engine).
//
//   node scripts/fn-size.mjs                 (src/engine; exits 1 when a function is over a limit)
//   node scripts/fn-size.mjs --all           (every function with its size, largest first)
//   node scripts/fn-size.mjs --lines 60 --complexity 20 --report-only src/engine src/bot
//
// TypeScript 7's package has no JavaScript compiler API, so this is a small tokenizer (strings,
// template literals with nested `${}`, comments, regular expressions) and a bracket matcher. A function is
// a `function` declaration or expression, an arrow function with a block body, or a method
// (`name(…) {` in a class or object literal, getters and setters included). Lines: from the line the
// function starts on to its closing brace. Complexity: 1 + each if, for, while, case, catch, &&, ||, ??
// (and their assignment forms) and ternary ?: in its own body — nested block functions count for
// themselves, arrow functions with an expression body count for the function around them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const args = process.argv.slice(2);
let maxLines = 60;
let maxComplexity = 20;
let all = false;
let reportOnly = false;
const roots = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--lines") maxLines = Number(args[++i]);
  else if (a === "--complexity") maxComplexity = Number(args[++i]);
  else if (a === "--all") all = true;
  else if (a === "--report-only") reportOnly = true;
  else roots.push(a);
}
if (roots.length === 0) roots.push("src/engine");

function files(path) {
  if (statSync(path).isDirectory())
    return readdirSync(path)
      .sort()
      .flatMap((f) => files(join(path, f)));
  return /\.(ts|mts|js|mjs)$/.test(path) && !path.endsWith(".d.ts") ? [path] : [];
}

const KEYWORDS_BEFORE_REGEX = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);
const NOT_METHOD_NAMES = new Set(["if", "for", "while", "switch", "catch", "function", "return", "with"]);
const PUNCT = [
  "...",
  "===",
  "!==",
  "**=",
  "<<=",
  ">>=",
  ">>>",
  "&&=",
  "||=",
  "??=",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "**",
  "<<",
  ">>",
];

/** Tokens: { t: "id" | "str" | "num" | "re" | "tpl" | "p", v, line }. */
function tokenize(src) {
  const out = [];
  let i = 0;
  let line = 1;
  const braceStack = []; // "{" or "${" to know where a template literal resumes
  const prevAllowsRegex = () => {
    const p = out[out.length - 1];
    if (!p) return true;
    if (p.t === "id") return KEYWORDS_BEFORE_REGEX.has(p.v);
    if (p.t === "p") return !(p.v === ")" || p.v === "]" || p.v === "}" || p.v === "++" || p.v === "--");
    return false;
  };
  const readTemplate = () => {
    // at the character after ` or after the } closing a ${ }
    while (i < src.length) {
      const c = src[i];
      if (c === "\\") {
        i += 2;
        continue;
      }
      if (c === "\n") line++;
      if (c === "`") {
        i++;
        return;
      }
      if (c === "$" && src[i + 1] === "{") {
        i += 2;
        braceStack.push("${");
        return;
      }
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (c === "\n") {
      line++;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end < 0 ? src.length : end + 2;
      for (let k = i; k < stop; k++) if (src[k] === "\n") line++;
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = line;
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === "\\") i++;
        i++;
      }
      i++;
      out.push({ t: "str", v: c, line: start });
      continue;
    }
    if (c === "`") {
      out.push({ t: "tpl", v: "`", line });
      i++;
      readTemplate();
      continue;
    }
    if (c === "/" && prevAllowsRegex()) {
      const start = line;
      i++;
      let inClass = false;
      while (i < src.length) {
        const d = src[i];
        if (d === "\\") {
          i += 2;
          continue;
        }
        if (d === "[") inClass = true;
        else if (d === "]") inClass = false;
        else if (d === "/" && !inClass) break;
        i++;
      }
      i++;
      while (i < src.length && /[a-z]/i.test(src[i])) i++;
      out.push({ t: "re", v: "/", line: start });
      continue;
    }
    if (/[A-Za-z_$\u00c0-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[\w$\u00c0-\uffff]/.test(src[j])) j++;
      out.push({ t: "id", v: src.slice(i, j), line });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1]))) {
      let j = i + 1;
      while (j < src.length && /[\w.]/.test(src[j])) j++;
      out.push({ t: "num", v: src.slice(i, j), line });
      i = j;
      continue;
    }
    if (c === "{") {
      braceStack.push("{");
      out.push({ t: "p", v: "{", line });
      i++;
      continue;
    }
    if (c === "}") {
      const top = braceStack.pop();
      i++;
      if (top === "${") {
        readTemplate();
        continue;
      }
      out.push({ t: "p", v: "}", line });
      continue;
    }
    const p = PUNCT.find((x) => src.startsWith(x, i)) ?? c;
    out.push({ t: "p", v: p, line });
    i += p.length;
  }
  return out;
}

function analyze(file) {
  const toks = tokenize(readFileSync(file, "utf8"));
  const match = new Map(); // index of an opening bracket → its closing one, and back
  const stack = [];
  for (let k = 0; k < toks.length; k++) {
    const v = toks[k].t === "p" ? toks[k].v : "";
    if (v === "(" || v === "[" || v === "{") stack.push(k);
    else if (v === ")" || v === "]" || v === "}") {
      const o = stack.pop();
      if (o !== undefined) {
        match.set(o, k);
        match.set(k, o);
      }
    }
  }
  const is = (k, v) => toks[k] && toks[k].t === "p" && toks[k].v === v;
  // skips a return type annotation `: T` up to the body's `{` (depth 0); returns the index of `{` or -1
  const bodyAfter = (k) => {
    if (is(k, "{")) return k;
    if (!is(k, ":")) return -1;
    let depth = 0;
    for (let j = k + 1; j < toks.length; j++) {
      const v = toks[j].t === "p" ? toks[j].v : "";
      if (v === "(" || v === "[" || v === "<") depth++;
      else if (v === ")" || v === "]" || v === ">") depth--;
      else if (v === "=>" && depth === 0) return -1;
      else if (v === "{" && depth === 0) {
        // `: { a: T } {` — an object type literal followed by the body
        const close = match.get(j);
        if (close !== undefined && is(close + 1, "{")) return close + 1;
        return j;
      } else if ((v === ";" || v === "," || v === "=") && depth === 0) return -1;
    }
    return -1;
  };
  const fns = [];
  for (let k = 0; k < toks.length; k++) {
    const tk = toks[k];
    if (tk.t === "id" && tk.v === "function") {
      let j = k + 1;
      if (is(j, "*")) j++;
      let name = "<function>";
      if (toks[j]?.t === "id") name = toks[j++].v;
      if (is(j, "<")) {
        let depth = 0;
        for (; j < toks.length; j++) {
          if (is(j, "<")) depth++;
          else if (is(j, ">")) depth--;
          else if (is(j, ">>")) depth -= 2;
          if (depth <= 0) break;
        }
        j++;
      }
      if (!is(j, "(")) continue;
      const body = bodyAfter(match.get(j) + 1);
      if (body < 0) continue; // an overload signature or a declaration
      fns.push({ name, start: tk.line, open: body, close: match.get(body) });
    } else if (tk.t === "p" && tk.v === "=>" && is(k + 1, "{")) {
      // the parameters: `x =>` or `(…) =>` or `(…): T =>`
      let s = k - 1;
      if (is(s, ")")) s = match.get(s);
      else if (toks[s]?.t !== "id") {
        // a return type between ) and =>: walk back to the parameters' ")" at depth 0
        let depth = 0;
        for (; s > 0; s--) {
          const v = toks[s].t === "p" ? toks[s].v : "";
          if (v === ">" || v === "]" || v === "}") depth++;
          else if (v === "<" || v === "[" || v === "{") depth--;
          else if (v === ")") {
            if (depth === 0 && is(s - 1, "(") === false) {
              const o = match.get(s);
              if (
                o !== undefined &&
                (is(o - 1, "(") ||
                  is(o - 1, "=") ||
                  is(o - 1, ",") ||
                  toks[o - 1]?.t === "id" ||
                  is(o - 1, ":") ||
                  is(o - 1, ">") ||
                  is(o - 1, "?"))
              ) {
                s = o;
                break;
              }
            }
            depth++;
          } else if (v === "(") depth--;
        }
      }
      let name = "<arrow>";
      let n = s - 1;
      if (toks[n]?.t === "id" && toks[n].v === "async") n--;
      if (is(n, ">")) {
        let depth = 0;
        for (; n > 0; n--) {
          if (is(n, ">")) depth++;
          else if (is(n, "<")) depth--;
          if (depth === 0) break;
        }
        n--;
      }
      if ((is(n, "=") || is(n, ":")) && toks[n - 1]?.t === "id") name = toks[n - 1].v;
      else if (is(n, "(") && toks[n - 1]?.t === "id") name = `${toks[n - 1].v}(…)`;
      fns.push({ name, start: toks[Math.max(0, s)].line, open: k + 1, close: match.get(k + 1) });
    } else if (tk.t === "id" && !NOT_METHOD_NAMES.has(tk.v) && is(k + 1, "(")) {
      // a method: `name(…) {` or `name(…): T {`, not a call (a call is not followed by a body)
      const prev = toks[k - 1];
      if (prev && prev.t === "p" && (prev.v === "." || prev.v === "?.")) continue;
      if (prev && prev.t === "id" && (prev.v === "function" || prev.v === "new")) continue;
      const close = match.get(k + 1);
      if (close === undefined) continue;
      const body = bodyAfter(close + 1);
      if (body < 0) continue;
      const ok =
        !prev ||
        (prev.t === "p" && (prev.v === "{" || prev.v === "}" || prev.v === ";" || prev.v === "," || prev.v === "*")) ||
        (prev.t === "id" && ["get", "set", "async", "static", "public", "private", "protected", "readonly", "override"].includes(prev.v));
      if (!ok) continue;
      fns.push({ name: tk.v, start: tk.line, open: body, close: match.get(body) });
    }
  }
  // complexity: decisions in the function's own body, not in nested block functions
  fns.sort((a, b) => a.open - b.open);
  for (const f of fns) {
    const nested = fns.filter((g) => g !== f && g.open > f.open && g.close < f.close);
    let c = 1;
    for (let k = f.open + 1; k < f.close; k++) {
      const inner = nested.find((g) => k >= g.open && k <= g.close);
      if (inner) {
        k = inner.close;
        continue;
      }
      const tk = toks[k];
      if (tk.t === "id" && ["if", "for", "while", "case", "catch"].includes(tk.v)) {
        if (tk.v === "if" && toks[k - 1]?.t === "id" && toks[k - 1].v === "else") {
          /* counted as if */
        }
        c++;
      } else if (tk.t === "p" && ["&&", "||", "??", "&&=", "||=", "??="].includes(tk.v)) c++;
      else if (tk.t === "p" && tk.v === "?") {
        const next = toks[k + 1];
        if (next && next.t === "p" && [":", ",", ")", "="].includes(next.v)) continue; // optional member or parameter
        c++;
      }
    }
    f.lines = toks[f.close].line - f.start + 1;
    f.complexity = c;
    f.file = file;
  }
  return fns;
}

const found = roots.flatMap(files).flatMap(analyze);
const over = found.filter((f) => f.lines > maxLines || f.complexity > maxComplexity);
const shown = all ? found : over;
shown.sort((a, b) => b.lines - a.lines || b.complexity - a.complexity);
for (const f of shown) {
  const flags = [f.lines > maxLines ? "lines" : "", f.complexity > maxComplexity ? "complexity" : ""].filter(Boolean).join("+");
  console.log(
    `${`${relative(process.cwd(), f.file)}:${f.start}`.padEnd(36)} ${f.name.padEnd(28)} lines ${String(f.lines).padStart(4)}  complexity ${String(f.complexity).padStart(3)}${flags ? `  over: ${flags}` : ""}`,
  );
}
console.log(`${found.length} functions, ${over.length} over ${maxLines} lines or complexity ${maxComplexity}`);
process.exit(over.length > 0 && !reportOnly ? 1 : 0);
