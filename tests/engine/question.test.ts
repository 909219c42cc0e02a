import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/engine/corpus.js";
import { EMPTY_LEXICON, loadCrossLexicon } from "../../src/engine/language/crosslang.js";
import { createLexicalIndex } from "../../src/engine/lexical.js";
import { analyzeQuestion, cleanQuestion, MAX_QUESTION_CHARS } from "../../src/engine/question.js";
import { toSentences } from "../../src/engine/sentences.js";
import { TUNING } from "../../src/engine/tuning.js";
import { CORPUS_DIR, MIXED_CORPUS_DIR } from "../fixtures/paths.js";

describe("cleanQuestion", () => {
  it("should write a word mixing Cyrillic and Latin look-alikes in the script of most of its letters", () => {
    const latinC = "Кто возглавил комитет, созданный Симан\u0063ом?";
    expect(cleanQuestion(latinC)).toBe("Кто возглавил комитет, созданный Симансом?");
    expect(cleanQuestion("who is T\u0435sla?")).toBe("who is Tesla?");
    // Odd letters without a look-alike, and words of one script, stay as written.
    expect(cleanQuestion("Bakı və Гянджа")).toBe("Bakı və Гянджа");
    expect(cleanQuestion("Ж\u0071")).toBe("Ж\u0071");
  });

  it("should strip HTML tags and entities", () => {
    expect(cleanQuestion("<b>Сколько</b> <i>компаний</i>&nbsp;было?")).toBe("Сколько компаний было?");
    expect(cleanQuestion('<a href="https://x.org">Где</a> прошла встреча?<br/>')).toBe("Где прошла встреча?");
  });

  it("should strip Markdown marks", () => {
    expect(cleanQuestion("**Сколько** __компаний__ `было` ~~в~~ # делегации?")).toBe("Сколько компаний было в делегации?");
    expect(cleanQuestion("> [Кто] | возглавлял?")).toBe("Кто возглавлял?");
  });

  it("should strip control and invisible characters", () => {
    expect(cleanQuestion("Где\u0000 прошла\u0007 встреча\u200b?\u202e\ufeff")).toBe("Где прошла встреча ?");
  });

  it("should collapse whitespace and trim", () => {
    expect(cleanQuestion("  Кто\n\n\tвозглавлял   делегацию?  ")).toBe("Кто возглавлял делегацию?");
  });

  it("should make the same text of marked-up and clean questions", () => {
    expect(cleanQuestion("<b>Сколько</b> **компаний** было в делегации?")).toBe(cleanQuestion("Сколько компаний было в делегации?"));
  });

  it("should cap a 10,000-character input to at most 500 characters, cutting at a space", () => {
    const raw = "слово ".repeat(2000);
    expect(raw.length).toBe(12000);
    const out = cleanQuestion(raw);
    expect(MAX_QUESTION_CHARS).toBe(500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out.length).toBeGreaterThan(300);
    expect(out.split(" ").every((w) => w === "слово")).toBe(true);
  });

  it("should cap a 10,000-character input without spaces", () => {
    const out = cleanQuestion("я".repeat(10_000));
    expect(out).toBe("я".repeat(500));
  });

  it("should not throw on non-string input", () => {
    expect(cleanQuestion(undefined as unknown as string)).toBe("");
    expect(cleanQuestion(null as unknown as string)).toBe("");
  });
});

describe("analyzeQuestion", () => {
  const corpus = loadCorpus(CORPUS_DIR);
  const index = createLexicalIndex(toSentences(corpus.documents), corpus.glossary, () => "ru");

  it("should keep the preamble's known words as light context and leave out those the corpus lacks", () => {
    const q = analyzeQuestion(
      index,
      "Здравствуйте! Я давно слежу за отношениями с Америкой и очень хотел съездить на переговоры. Подскажите, сколько компаний было в делегации и какие жирафы?",
      "ru",
    );
    const labels = q.concepts.map((c) => c.label);
    expect(labels).not.toContain("съездить");
    expect(labels).toContain("компаний");
    expect(q.concepts.find((c) => c.label === "жирафы")?.known).toBe(false);
    const context = q.concepts.find((c) => c.label === "переговоры");
    if (context) expect(context.weight).toBeLessThan(q.concepts.find((c) => c.label === "компаний")!.weight);
  });

  it("should weigh an unknown verb less than an unknown noun", () => {
    const q = analyzeQuestion(index, "Делегация гримасничала или жонглировала?", "ru");
    const verb = q.concepts.find((c) => c.label === "гримасничала");
    const noun = analyzeQuestion(index, "Делегация и гримасница?", "ru").concepts.find((c) => c.label === "гримасница");
    expect(verb?.known).toBe(false);
    expect(verb?.verb).toBe(true);
    expect(noun?.known).toBe(false);
    expect(verb!.weight).toBeCloseTo(noun!.weight * TUNING.concepts.unknownVerbWeight, 5);
  });

  it("should not take an Azerbaijani noun with a copula ending for a verb", () => {
    const lexicon = loadCrossLexicon();
    const km = analyzeQuestion(index, "Marşrutun uzunluğu neçə kilometrdir?", "az", { lexicon }).concepts.find(
      (c) => c.label === "kilometrdir",
    );
    expect(km?.verb).toBe(false);
    const verb = analyzeQuestion(index, "Nümayəndə heyəti nə gətirir?", "az", { lexicon }).concepts.find((c) => c.label === "gətirir");
    expect(verb?.verb).toBe(true);
  });

  it("should call an emoji-only or empty message empty", () => {
    expect(analyzeQuestion(index, "😀😀", "ru").intent).toBe("empty");
    expect(analyzeQuestion(index, "", "ru").intent).toBe("empty");
    expect(analyzeQuestion(index, "<b></b> ** ??", "ru").intent).toBe("empty");
  });

  it("should read question words typed as spoken for the kind of fact", () => {
    expect(analyzeQuestion(index, "скока компаний было", "ru").kind.type).toBe("count");
    expect(analyzeQuestion(index, "skoka kompaniy bylo", "ru").kind.type).toBe("count");
    expect(analyzeQuestion(index, "из скольки компаний была делегация", "ru").kind.type).toBe("count");
    expect(analyzeQuestion(index, "wat was signed", "en").kind.type).toBe(analyzeQuestion(index, "what was signed", "en").kind.type);
    // a question word typed as spoken is no content of its own
    expect(analyzeQuestion(index, "whats the date of the meeting", "en").concepts.map((c) => c.label)).not.toContain("whats");
    // ordinals in digits read as words
    const third = analyzeQuestion(index, "who came 3rd", "en", { lexicon: loadCrossLexicon() }).concepts.find((c) => c.label === "3rd");
    expect(third?.alternatives.flatMap((a) => a.stems)).toContain("трет");
    // a chat spelling is looked up in the dictionary as written
    const govt = analyzeQuestion(index, "govt position?", "en", { lexicon: loadCrossLexicon() }).concepts.find((c) => c.label === "govt");
    expect(govt?.alternatives.flatMap((a) => a.stems)).toContain("правительств");
  });

  it("should read a compound with a clipped first part as its last part, even misspelt", () => {
    for (const word of ["замминистра", "зимминистра"]) {
      const c = analyzeQuestion(index, `что сказал ${word}?`, "ru").concepts.find((x) => x.label === word);
      expect(c?.known).toBe(true);
      expect(c?.alternatives.flatMap((a) => a.stems)).toContain("министр");
    }
  });

  it("should tell what the question word of the asking sentence asks for, and none for yes/no or topic questions", () => {
    const asks = (t: string, lang: "ru" | "en" | "az" = "ru") => analyzeQuestion(index, t, lang).asks;
    expect(asks("Здравствуйте! Пишу эссе. Подскажите, кто стоял во главе делегации?")).toBe("who");
    expect(asks("Какой документ подписали?")).toBe("which");
    expect(asks("hansi saheler muzakire olunub", "az")).toBe("which");
    expect(asks("where was the summit held", "en")).toBe("where");
    expect(asks("Как называется проект?")).toBe("what");
    expect(asks("Как проходила встреча?")).toBe("how");
    expect(asks("Упоминается ли Нахчыван?")).toBeUndefined();
    expect(asks("TRIPP?", "en")).toBeUndefined();
  });

  it("should read a noun naming the kind of answer as phrasing only after a question word or a number", () => {
    const labels = (t: string) => analyzeQuestion(index, t, "ru").concepts.map((c) => c.label.toLowerCase());
    expect(labels("Сколько стран участвует?")).toContain("стран");
    expect(labels("В каком городе прошла встреча?")).not.toContain("городе");
    expect(labels("Что подписали в 2025 году?")).not.toContain("году");
    expect(analyzeQuestion(index, "which city hosted the meeting", "en").concepts.map((c) => c.label)).not.toContain("city");
    expect(analyzeQuestion(index, "how big was the delegation", "en").concepts.map((c) => c.label)).not.toContain("big");
    expect(analyzeQuestion(index, "a big delegation?", "en").concepts.map((c) => c.label)).toContain("big");
    expect(labels("Где находится палата?")).not.toContain("находится");
  });

  it("should find on-topic concepts in the corpus", () => {
    const q = analyzeQuestion(index, "Сколько компаний было представлено в делегации?", "ru");
    expect(q.intent).toBe("question");
    expect(q.kind.type).toBe("count");
    expect(q.knownShare).toBe(1);
    expect(q.concepts.length).toBeGreaterThan(0);
    expect(q.query.size).toBeGreaterThan(0);
    for (const stem of q.query.keys()) expect(index.df.has(stem)).toBe(true);
  });

  it("should know little of an off-topic question", () => {
    const q = analyzeQuestion(index, "What is the capital of France?", "en");
    expect(q.knownShare).toBeLessThan(0.5);
  });

  it("should analyse only the capped text of a huge message", () => {
    const q = analyzeQuestion(index, "компаний ".repeat(2000), "ru");
    expect(q.text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });
});

describe("analyzeQuestion on a corpus without a glossary", () => {
  const corpus = loadCorpus(MIXED_CORPUS_DIR);
  const langs = new Map(corpus.documents.map((d) => [d.id, d.lang]));
  const index = createLexicalIndex(toSentences(corpus.documents), corpus.glossary, (id) => langs.get(id) ?? "ru");
  const lexicon = loadCrossLexicon();

  it("should read Russian typed in Latin letters as Cyrillic", () => {
    const q = analyzeQuestion(index, "skolko kompaniy bylo v delegacii", "en", { lexicon });
    expect(q.cyrillicReading).toBe("сколько компаний было в делегации");
    expect(q.kind.type).toBe("count");
    expect(q.knownShare).toBe(1);
  });

  it("should leave English and Azerbaijani questions in their own letters", () => {
    expect(analyzeQuestion(index, "who led the delegation", "en", { lexicon }).cyrillicReading).toBeUndefined();
    expect(analyzeQuestion(index, "Bayramov kimle gorusub", "az", { lexicon }).cyrillicReading).toBeUndefined();
  });

  it("should translate an English word into one concept whose alternatives are its Russian senses", () => {
    const q = analyzeQuestion(index, "How many companies were in the delegation?", "en", { lexicon });
    const companies = q.concepts.find((c) => c.label === "companies")!;
    expect(companies.known).toBe(true);
    expect(companies.alternatives.length).toBeGreaterThan(2);
    expect(q.knownShare).toBeGreaterThan(0.85);
  });

  it("should translate Azerbaijani words and multiword terms", () => {
    const q = analyzeQuestion(index, "Nümayəndə heyətində neçə şirkət var idi?", "az", { lexicon });
    expect(q.concepts.map((c) => c.label)).toContain("nümayəndə heyəti");
    expect(q.concepts.every((c) => c.known)).toBe(true);
  });

  it("should treat meta words by stem, so 'Упоминался ли Средний коридор?' asks about the corridor", () => {
    const q = analyzeQuestion(index, "Упоминался ли Средний коридор?", "ru", { lexicon });
    expect(q.concepts.map((c) => c.label.toLowerCase())).toEqual(["средний", "коридор"]);
  });

  it("should resolve a follow-up against the previous question", () => {
    const alone = analyzeQuestion(index, "а сколько их было?", "ru", { lexicon });
    const follow = analyzeQuestion(index, "а сколько их было?", "ru", { lexicon, history: ["Кто возглавлял делегацию?"] });
    expect(alone.concepts).toHaveLength(0);
    expect(follow.followUp).toBe(true);
    expect(follow.concepts.some((c) => c.inherited && /делегаци/i.test(c.label))).toBe(true);
  });

  it("should read 'а какие? назови' after a count of companies as asking for the companies' names", () => {
    const q = analyzeQuestion(index, "а какие именно? назови хоть пару", "ru", {
      lexicon,
      history: ["Сколько компаний было в делегации?"],
    });
    expect(q.kind).toMatchObject({ type: "list", listFocus: ["компа"] });
    const topics = analyzeQuestion(index, "а какие именно?", "ru", { lexicon, history: ["Какие области обсуждались?"] });
    expect(topics.kind.type).not.toBe("list");
  });

  it("should tell from the message alone whether it may continue the previous one", () => {
    const history = ["Кто возглавлял делегацию?"];
    for (const [text, may] of [
      ["а сколько их было?", true],
      ["а погода там какая?", true],
      ["Сколько стоила солнечная электростанция в Габале?", false],
      ["как погода в Баку?", false],
      ["привет!", false],
    ] as const) {
      expect(analyzeQuestion(index, text, "ru", { lexicon }).mayFollowUp, text).toBe(may);
      expect(analyzeQuestion(index, text, "ru", { lexicon, history }).mayFollowUp, text).toBe(may);
    }
  });

  it("should not merge a self-contained question with the previous one", () => {
    const q = analyzeQuestion(index, "Сколько стоила солнечная электростанция в Габале?", "ru", {
      lexicon,
      history: ["Кто возглавлял делегацию?"],
    });
    expect(q.followUp).toBe(false);
  });

  it("should take a message with a topic of its own for a new question unless it opens like a follow-up", () => {
    expect(analyzeQuestion(index, "расскажи про Средний коридор", "ru", { lexicon, history: ["кто такой Чокси?"] }).followUp).toBe(false);
    expect(analyzeQuestion(index, "а Средний коридор?", "ru", { lexicon, history: ["кто такой Чокси?"] }).followUp).toBe(true);
  });

  it("should read an Azerbaijani possessive after a question word as 'its' and continue the previous question", () => {
    const history = ["Nümayəndə heyətinə kim rəhbərlik edib?"];
    expect(analyzeQuestion(index, "Vaşinqtonla nə əlaqəsi var?", "az", { lexicon, history }).followUp).toBe(true);
    // A compound ("enerji məsələsi") or a possessor before it is no pointer back.
    expect(analyzeQuestion(index, "Vaşinqton sammitinin əlaqəsi var?", "az", { lexicon, history }).followUp).toBe(false);
  });

  it("should ask a verbless follow-up in the previous question's tense ('Будут ли…?' — 'Когда?')", () => {
    const later = analyzeQuestion(index, "Когда?", "ru", { lexicon, history: ["Будут ли подписывать хартию?"] });
    expect(later.kind.type).toBe("date");
    expect(later.kind.future).toBe(true);
    expect(analyzeQuestion(index, "Когда?", "ru", { lexicon, history: ["Кто возглавлял делегацию?"] }).kind.future).toBe(false);
    expect(analyzeQuestion(index, "А когда подписали?", "ru", { lexicon, history: ["Будут ли подписывать хартию?"] }).kind.future).toBe(
      false,
    );
  });

  it("should not take a question about a thing the corpus lacks for a follow-up", () => {
    const q = analyzeQuestion(index, "как погода в Баку?", "ru", { lexicon, history: ["Кто возглавлял делегацию?"] });
    expect(q.followUp).toBe(false);
    const opened = analyzeQuestion(index, "а погода там какая?", "ru", { lexicon, history: ["Кто возглавлял делегацию?"] });
    expect(opened.followUp).toBe(true);
  });

  it("should recognise questions about an article as a whole", () => {
    expect(analyzeQuestion(index, "what is the article about?", "en", { lexicon }).aboutArticle).toBe(true);
    expect(analyzeQuestion(index, "кратко о чём новость?", "ru", { lexicon }).aboutArticle).toBe(true);
    expect(analyzeQuestion(index, "what is the article about the solar plant?", "en", { lexicon }).aboutArticle).toBe(false);
  });

  it("should mark unknown names as specific and unknown dictionary words as general", () => {
    const q = analyzeQuestion(index, "Which American companies were in the delegation? Was Boeing there?", "en", { lexicon });
    expect(q.concepts.find((c) => c.label === "Boeing")?.specific).toBe(true);
    const zebra = analyzeQuestion(index, "what zebra came?", "en", { lexicon }).concepts.find((c) => c.label === "zebra");
    expect(zebra?.known).toBe(false);
    expect(zebra?.specific).toBe(false);
  });
});

describe("translations that the corpus has as adjectives", () => {
  it("should match 'cheese' (сыр) with the corpus's 'Сырная тропа'", () => {
    const doc = { id: "d", file: "d.md", title: "Сырная тропа открыта.", lang: "ru", body: "Сырная тропа соединит пять сёл." };
    const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
    const q = analyzeQuestion(index, "What is the cheese trail?", "en", { lexicon: loadCrossLexicon() });
    expect(q.concepts.find((c) => c.label === "cheese")?.known).toBe(true);
  });
});

describe("Russian synonyms through a shared English translation", () => {
  const doc = {
    id: "d",
    file: "d.md",
    title: "Центр открыт.",
    lang: "ru",
    body: "Строительство центра обошлось в 38 млн манатов. Турнир организован федерацией. Федерация будет руководить центром.",
  };
  const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
  const lexicon = loadCrossLexicon();
  const concept = (q: string, label: string) => analyzeQuestion(index, q, "ru", { lexicon }).concepts.find((c) => c.label === label);

  it("should find a word the corpus lacks through another Russian word for the same thing", () => {
    const c = concept("Сколько стоила стройка?", "стройка");
    expect(c?.known).toBe(true);
    expect(c?.alternatives.flatMap((a) => a.stems)).toContain("строительств");
    expect(c!.degree).toBeLessThan(1);
  });

  it("should not take a verb form the dictionaries miss for a rare term or a name", () => {
    const c = concept("Когда затянулась стройка?", "затянулась");
    expect(c?.known).toBe(false);
    expect(c?.specific).toBe(false);
  });

  it("should keep to the same part of speech: an adjective is not matched through a verb", () => {
    // "прямые" → direct → "руководить" (to direct)
    expect(concept("Прямые цитаты есть?", "Прямые")?.alternatives.flatMap((a) => a.stems)).not.toContain("руковод");
  });
});

describe("words cut short in chat", () => {
  const indexOf = (body: string) =>
    createLexicalIndex(toSentences([{ id: "d", file: "d.md", title: "Лаборатория открыта.", lang: "ru", body }]), [], () => "ru");
  const stems = (body: string, q: string, label: string) =>
    analyzeQuestion(indexOf(body), q, "ru")
      .concepts.find((c) => c.label === label)
      ?.alternatives.flatMap((a) => a.stems);

  it("should read a clipped word as the one long word of the corpus it starts", () => {
    expect(stems("Стоимость лаборатории составила 3,4 млн манатов.", "скока стоила лаба", "лаба")).toContain("лаборатор");
  });

  it("should not guess when the clip starts words of different families", () => {
    expect(stems("Стоимость лаборатории составила 3,4 млн манатов. Лабрадор и лабиринт.", "скока стоила лаба", "лаба")).not.toContain(
      "лаборатор",
    );
  });
});

describe("English words through the synonyms of their Russian translations", () => {
  const doc = { id: "d", file: "d.md", title: "Новое устройство.", lang: "ru", body: "Устройство стоит 300 манатов." };
  const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
  // A lexicon that knows one chain: gizmo → штуковина; штуковина → device; device → устройство.
  const lexicon = {
    ...EMPTY_LEXICON,
    toRussian: (w: string, lang: "en" | "az") =>
      lang !== "en" ? [] : w === "gizmo" ? [{ text: "штуковина", rank: 1 }] : w === "device" ? [{ text: "устройство", rank: 1 }] : [],
    fromRussian: (w: string, lang: "en" | "az") => (lang === "en" && w === "штуковина" ? ["device"] : []),
    knows: (w: string) => w === "gizmo" || w === "device",
  };

  it("should find the corpus's word for the thing when the translation itself is not there", () => {
    const c = analyzeQuestion(index, "how much is the gizmo", "en", { lexicon }).concepts.find((x) => x.label === "gizmo");
    expect(c?.known).toBe(true);
    expect(c?.alternatives.flatMap((a) => a.stems)).toContain("устройств");
    expect(c!.degree).toBeLessThan(0.6);
  });
});

describe("English words on an English article through their Russian senses", () => {
  const doc = { id: "d", file: "d.md", title: "New depot.", lang: "en", body: "The depot was financed by the city." };
  const index = createLexicalIndex(toSentences([doc]), [], () => "en");
  // paid → платить → finance
  const lexicon = {
    ...EMPTY_LEXICON,
    toRussian: (w: string, lang: "en" | "az") => (lang === "en" && w === "paid" ? [{ text: "платить", rank: 1 }] : []),
    fromRussian: (w: string, lang: "en" | "az") => (lang === "en" && w === "платить" ? ["pay", "finance"] : []),
    knows: (w: string) => w === "paid",
  };

  it("should find the article's English word for the same thing", () => {
    const c = analyzeQuestion(index, "who paid for the depot", "en", { lexicon }).concepts.find((x) => x.label === "paid");
    expect(c?.known).toBe(true);
    expect(c?.alternatives.flatMap((a) => a.stems)).toContain("financ");
  });
});

describe("Russian synonyms from the thesaurus", () => {
  const doc = { id: "d", file: "d.md", title: "Центр открыт.", lang: "ru", body: "Центр возглавляет невролог Алиева." };
  const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
  const lexicon = { ...EMPTY_LEXICON, synonyms: (w: string) => (w.startsWith("руковод") ? ["управлять", "возглавлять"] : []) };

  it("should find the corpus's word among the synonyms of a word it lacks, less surely than the word itself", () => {
    const c = analyzeQuestion(index, "Кто будет руководить центром?", "ru", { lexicon }).concepts.find((x) => x.label === "руководить");
    expect(c?.known).toBe(true);
    expect(c?.alternatives.flatMap((a) => a.stems)).toContain("возглавля");
    expect(c!.degree).toBeGreaterThanOrEqual(0.5);
    expect(c!.degree).toBeLessThan(1);
  });
});

describe("Azerbaijani terms and question words", () => {
  const doc = { id: "d", file: "d.md", title: "Встреча прошла.", lang: "ru", body: "Встреча прошла 10 февраля." };
  const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
  // A vocabulary where "nə vaxtsa" (someday) and "vaxt keçirmək" (spend time) are terms.
  const lexicon = {
    ...EMPTY_LEXICON,
    phrases: () => [
      { words: ["nə", "vaxt"], translations: [{ text: "когда", rank: 1 }], english: [] },
      { words: ["nə", "vaxtsa"], translations: [{ text: "когда-нибудь", rank: 1 }], english: [] },
      { words: ["vaxt", "keçirmək"], translations: [{ text: "проводить время", rank: 1 }], english: [] },
    ],
  };

  it("should keep a verb idiom the corpus lacks as one unknown verb, not its words («başa gəlmək»: to cost, not «baş»: head)", () => {
    const real = loadCrossLexicon();
    const doc = {
      id: "d",
      file: "d.md",
      title: "Стройка",
      date: "2026-04-21",
      lang: "ru",
      body: "Строительство обошлось в 38,5 млн манатов. Главный врач центра — Айнур Алиева.",
    };
    const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
    const q = analyzeQuestion(index, "tikinti nece pula basa gelib", "az", { lexicon: real });
    const labels = q.concepts.map((c) => c.label);
    expect(labels).toContain("başa gəlmək");
    expect(labels).not.toContain("basa");
    expect(labels).not.toContain("pula");
    expect(q.concepts.find((c) => c.label === "başa gəlmək")?.verb).toBe(true);
  });

  it("should take money after 'сколько' for the kind of answer, and a counted thing for content", () => {
    const real = loadCrossLexicon();
    expect(analyzeQuestion(index, "Сколько денег вложили?", "ru", { lexicon: real }).concepts.map((c) => c.label)).not.toContain("денег");
    expect(analyzeQuestion(index, "Сколько компаний было?", "ru", { lexicon: real }).concepts.map((c) => c.label)).toContain("компаний");
    expect(analyzeQuestion(index, "qalibe ne qeder pul verildi", "az", { lexicon: real }).concepts.map((c) => c.label)).not.toContain(
      "pul",
    );
    expect(analyzeQuestion(index, "how much money did they invest?", "en", { lexicon: real }).concepts.map((c) => c.label)).not.toContain(
      "money",
    );
  });

  it("should find an Azerbaijani verb term in any form of its verb («təmsil edir» for «təmsil etmək»)", () => {
    const real = loadCrossLexicon();
    const doc = {
      id: "d",
      file: "d.md",
      title: "Визит",
      date: "2026-02-10",
      lang: "ru",
      body: "Хуш Чокси представляет Торговую палату США.",
    };
    const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
    for (const q of ["Çoksi hansı təşkilatı təmsil edir?", "Çoksi hansı təşkilatı təmsil edib?", "Çoksi kimi təmsil etdi?"]) {
      const labels = analyzeQuestion(index, q, "az", { lexicon: real }).concepts.map((c) => c.label);
      expect(labels).toContain("təmsil etmək");
    }
  });

  it("should not read a question word's words as part of a term", () => {
    const labels = analyzeQuestion(index, "Görüş nə vaxt keçirilib?", "az", { lexicon }).concepts.map((c) => c.label);
    expect(labels).not.toContain("nə vaxtsa");
    expect(labels).not.toContain("vaxt keçirmək");
  });
});

describe("Russian verbs with and without a prefix", () => {
  const doc = { id: "d", file: "d.md", title: "Турнир.", lang: "ru", body: "Партии игрались девять дней. Проект финансировал банк." };
  const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
  const lexicon = { ...EMPTY_LEXICON, knowsRussian: (w: string) => w.startsWith("выигр") };
  const stems = (q: string, label: string) =>
    analyzeQuestion(index, q, "ru", { lexicon })
      .concepts.find((c) => c.label === label)
      ?.alternatives.flatMap((a) => a.stems);

  it("should read a prefixed verb as the bare one ('профинансировал' → 'финансировал')", () => {
    expect(stems("кто профинансировал проект?", "профинансировал")).toContain("финансирова");
  });

  it("should not when the prefixed verb is a word of its own ('выиграл' is not 'играл')", () => {
    expect(stems("кто выиграл турнир?", "выиграл")).not.toContain("игра");
  });
});

describe("Russian words with two roots", () => {
  const doc = { id: "d", file: "d.md", title: "Центр.", lang: "ru", body: "В центре будут лечить 3 200 детей в год." };
  const index = createLexicalIndex(toSentences([doc]), [], () => "ru");

  it("should read 'ребёнок' as the 'дети' of the text", () => {
    const c = analyzeQuestion(index, "сколько ребенка лечат?", "ru", { lexicon: EMPTY_LEXICON }).concepts.find(
      (x) => x.label === "ребенка",
    );
    expect(c?.known).toBe(true);
    expect(c?.alternatives.flatMap((a) => a.stems)).toContain("дет");
  });
});

describe("Russian nouns with a fleeting vowel", () => {
  const doc = {
    id: "d",
    file: "d.md",
    title: "Рынок.",
    lang: "ru",
    body: "Туристы остаются на три дня. Цены на рынке выросли, у рынка новый владелец.",
  };
  const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
  const known = (q: string, label: string) =>
    analyzeQuestion(index, q, "ru", { lexicon: EMPTY_LEXICON }).concepts.find((c) => c.label === label);

  it("should read «день» as the «дня» of the text, and «рынок» as its «рынке»", () => {
    expect(known("туристы остаются несколько дней?", "дней")?.known).toBe(true);
    expect(known("кто теперь владеет, рынок продан?", "рынок")?.known).toBe(true);
  });
});

describe("Russian verbs in their other aspect", () => {
  const doc = { id: "d", file: "d.md", title: "Турнир.", lang: "ru", body: "Турнир организован федерацией. Стороны подписывали договор." };
  const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
  const stems = (q: string, label: string) =>
    analyzeQuestion(index, q, "ru", { lexicon: EMPTY_LEXICON })
      .concepts.find((c) => c.label === label)
      ?.alternatives.flatMap((a) => a.stems);

  it("should read the imperfective in -ыва- as the perfective the text has ('организовывал' → 'организован')", () => {
    expect(stems("кто организовывал турнир?", "организовывал")).toContain("организова");
  });

  it("should read the aspects across a consonant alternation ('обсуждали' → 'обсудили', 'представлять' → 'представить')", () => {
    const doc2 = { id: "e", file: "e.md", title: "Встреча.", lang: "ru", body: "Стороны обсудили торговлю. Министр представил план." };
    const index2 = createLexicalIndex(toSentences([doc2]), [], () => "ru");
    const stems2 = (q: string, label: string) =>
      analyzeQuestion(index2, q, "ru", { lexicon: EMPTY_LEXICON })
        .concepts.find((c) => c.label === label)
        ?.alternatives.flatMap((a) => a.stems);
    expect(stems2("что обсуждали стороны?", "обсуждали")).toContain("обсуд");
    expect(stems2("что представлял министр?", "представлял")).toContain("представ");
    const doc3 = { id: "g", file: "g.md", title: "Стройка.", lang: "ru", body: "Строительство обошлось в 38 млн манатов." };
    const index3 = createLexicalIndex(toSentences([doc3]), [], () => "ru");
    const cost = analyzeQuestion(index3, "во сколько должен обойтись ремонт?", "ru", { lexicon: EMPTY_LEXICON }).concepts.find(
      (c) => c.label === "обойтись",
    );
    expect(cost?.alternatives.flatMap((a) => a.stems) ?? []).toContain("обошл");
  });

  it("should read the perfective as the imperfective the text has ('подписали' → 'подписывали')", () => {
    expect(stems("что подписали стороны?", "подписали")).toContain("подписыва");
  });
});

describe("the unit of a length of time asked for", () => {
  const sentences = toSentences([
    { id: "c", file: "c.md", title: "Турнир.", lang: "ru", body: "Самым юным участником стал 11-летний Рамин Аббасов." },
  ]);
  const index = createLexicalIndex(sentences, [], () => "ru");

  it("should be phrasing where the text lacks it ('сколько лет' of an '11-летний'), and content where the text has it", () => {
    expect(analyzeQuestion(index, "сколько лет самому юному участнику?", "ru").concepts.map((c) => c.label)).not.toContain("лет");
    const other = createLexicalIndex(
      toSentences([{ id: "d", file: "d.md", title: "Т.", lang: "ru", body: "Ему было 39 лет." }]),
      [],
      () => "ru",
    );
    expect(analyzeQuestion(other, "сколько лет ему было?", "ru").concepts.map((c) => c.label)).toContain("лет");
  });

  it("should read the verb of a length or a price as phrasing, not as a word to find ('сколько длилось', 'сколько стоила')", () => {
    expect(analyzeQuestion(index, "сколько длилось строительство?", "ru").concepts.map((c) => c.label)).toEqual(["строительство"]);
    expect(analyzeQuestion(index, "сколько стоила академия?", "ru").concepts.map((c) => c.label)).toEqual(["академия"]);
    // …while their one-letter neighbours are content words.
    expect(analyzeQuestion(index, "сколько лет строили академию?", "ru").concepts.map((c) => c.label)).toContain("строили");
  });

  it("should read a long question word typed with one letter wrong ('сколко')", () => {
    expect(analyzeQuestion(index, "сколко лет было самому юному участнику", "ru").kind.type).toBe("duration");
  });
});
