/**
 * Russian typed in Latin letters ("skolko kompaniy", "vstre4a", "obsuzhdali"): the common
 * chat transliteration back to Cyrillic, and the test of whether a Latin message is such
 * Russian at all. Digits that stand for letters in chat ("4to", "6kola") are read as letters
 * only inside words.
 */

/** Longest sequences first; each maps to its Cyrillic readings, the likeliest first. */
const SEQUENCES: [string, string[]][] = [
  ["shch", ["щ"]],
  ["iya", ["ия"]],
  ["iyu", ["ию"]],
  ["iye", ["ие", "ийе"]],
  ["iyo", ["иё"]],
  ["sch", ["щ", "сч"]],
  ["zh", ["ж"]],
  ["kh", ["х"]],
  ["ch", ["ч"]],
  ["sh", ["ш"]],
  ["ts", ["ц", "тс"]],
  ["tz", ["ц"]],
  ["yu", ["ю"]],
  ["ju", ["ю"]],
  ["iu", ["ию", "ю"]],
  ["ya", ["я"]],
  ["ja", ["я"]],
  ["ia", ["ия", "я"]],
  ["yo", ["ё", "йо"]],
  ["jo", ["ё"]],
  ["ye", ["е", "ые"]],
  ["je", ["е"]],
  ["iy", ["ий"]],
  ["yy", ["ый"]],
  ["ii", ["ии", "ий"]],
  ["ij", ["ий"]],
  ["a", ["а"]],
  ["b", ["б"]],
  ["v", ["в"]],
  ["g", ["г"]],
  ["d", ["д"]],
  ["e", ["е", "э"]],
  ["z", ["з"]],
  ["i", ["и", "й", "ы"]],
  ["j", ["й", "ж"]],
  ["k", ["к"]],
  ["l", ["л"]],
  ["m", ["м"]],
  ["n", ["н"]],
  ["o", ["о"]],
  ["p", ["п"]],
  ["r", ["р"]],
  ["s", ["с"]],
  ["t", ["т"]],
  ["u", ["у"]],
  ["f", ["ф"]],
  ["h", ["х", "г"]],
  ["x", ["х", "кс"]],
  ["c", ["ц", "к"]],
  ["y", ["ы", "й"]],
  ["w", ["в", "ш"]],
  ["q", ["к"]],
  ["'", ["ь"]],
  ["4", ["ч"]],
  ["6", ["ш"]],
  ["3", ["з"]],
];

/** At most this many readings of one word are tried. */
const MAX_READINGS = 24;

/**
 * Cyrillic readings of a Latin word, likeliest first ("vstre4a" → "встреча",
 * "delegacii" → "делегации", "vashingtonskii" → "вашингтонский" among the first few).
 */
export function latinReadings(word: string): string[] {
  // Azerbaijani letters in names: "Həsənov" reads "Гасанов", "Çələbi" "Челеби".
  const w = word
    .toLowerCase()
    .replace(/ə/g, "a")
    .replace(/ş/g, "sh")
    .replace(/ç/g, "ch")
    .replace(/ğ/g, "g")
    .replace(/ı/g, "y")
    .replace(/ö/g, "o")
    .replace(/ü/g, "yu");
  let readings = [""];
  for (let i = 0; i < w.length; ) {
    const hit = SEQUENCES.find(([lat]) => w.startsWith(lat, i));
    // "l" before a consonant is often "ль" ("skolko" → "сколько", "tolko" → "только").
    const options = hit?.[0] === "l" && /[bcdfghklmnpqrstvwxz]/.test(w[i + 1] ?? "") ? ["л", "ль"] : hit ? hit[1] : [w[i]!];
    const next: string[] = [];
    for (const r of readings) for (const o of options) if (next.length < MAX_READINGS) next.push(r + o);
    readings = next;
    i += hit ? hit[0].length : 1;
  }
  // Chat transliteration drops the soft sign: "obsuzhdalas" is "обсуждалась", "mozhno" is not.
  for (const r of [...readings]) if (/[лстнрдзмв]$/.test(r) && readings.length < MAX_READINGS * 2) readings.push(`${r}ь`);
  return readings;
}

/** The likeliest Cyrillic reading of a Latin word. */
export function latinToCyrillic(word: string): string {
  return latinReadings(word)[0]!;
}

/** Whether a Latin token could be chat transliteration at all (letters, maybe digits inside). */
export function isTranslitCandidate(word: string): boolean {
  return /^[a-z][a-z0-9']*$/i.test(word) && /[a-z]/i.test(word);
}

/** How a message's Latin words read: as Russian, as English (or Azerbaijani), or undecided. */
export interface TranslitVote {
  russian: number;
  other: number;
  /** Words that read both ways ("rektor", "universiteta": Russian and Azerbaijani alike): they decide nothing. */
  both: number;
}

/**
 * Counts the Latin words of a message that read as Russian words (their Cyrillic reading is
 * a known Russian word) against those that are known words of another language.
 * @param isRussian whether a Cyrillic word is known Russian (function words, corpus, lexicon).
 * @param isOther whether a Latin word is a known English or Azerbaijani word.
 */
export function voteTranslit(words: string[], isRussian: (cyr: string) => boolean, isOther: (lat: string) => boolean): TranslitVote {
  let russian = 0;
  let other = 0;
  let both = 0;
  for (const w of words) {
    if (!isTranslitCandidate(w)) continue;
    const ru = latinReadings(w).some(isRussian);
    const ot = /\d/.test(w) ? false : isOther(w.toLowerCase());
    if (ru && !ot) russian++;
    else if (ot && !ru) other++;
    else if (ru && ot) both++;
  }
  return { russian, other, both };
}

/** English spelling → Russian spelling of international words ("agrotourism" → "агротуризм", "operator" → "оператор"). */
const COGNATE: [RegExp, string][] = [
  [/tion(s?)$/, "ция"],
  [/sion(s?)$/, "сия"],
  [/ism(s?)$/, "изм"],
  [/ology$/, "ология"],
  [/graphy$/, "графия"],
  [/gy$/, "гия"],
  [/ics$/, "ика"],
  [/ity$/, "итет"],
  [/ture$/, "тура"],
  [/e$/, ""],
  [/s$/, ""],
];
const COGNATE_LETTERS: [string, string][] = [
  ["sch", "ш"],
  ["ph", "ф"],
  ["th", "т"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["oo", "у"],
  ["ou", "у"],
  ["ee", "и"],
  ["ea", "и"],
  ["qu", "кв"],
  ["ck", "к"],
  ["x", "кс"],
  ["w", "в"],
  ["j", "дж"],
  ["h", "х"],
  ["y", "и"],
  ["a", "а"],
  ["b", "б"],
  ["c", "к"],
  ["d", "д"],
  ["e", "е"],
  ["f", "ф"],
  ["g", "г"],
  ["i", "и"],
  ["k", "к"],
  ["l", "л"],
  ["m", "м"],
  ["n", "н"],
  ["o", "о"],
  ["p", "п"],
  ["r", "р"],
  ["s", "с"],
  ["t", "т"],
  ["u", "у"],
  ["v", "в"],
  ["z", "з"],
];

/** The Russian spelling an English international word usually has (a guess to be checked against the corpus). */
export function englishCognate(word: string): string {
  let w = word.toLowerCase();
  let tail = "";
  for (const [re, ru] of COGNATE) {
    if (re.test(w) && w.length > 4) {
      w = w.replace(re, "");
      tail = ru;
      break;
    }
  }
  let out = "";
  for (let i = 0; i < w.length; ) {
    // "c" before e, i, y sounds "с"; an initial "e" is "э".
    if (w[i] === "c" && /[eiy]/.test(w[i + 1] ?? "")) {
      out += "с";
      i++;
      continue;
    }
    if (w[i] === "e" && i === 0) {
      out += "э";
      i++;
      continue;
    }
    const hit = COGNATE_LETTERS.find(([lat]) => w.startsWith(lat, i));
    out += hit ? hit[1] : w[i];
    i += hit ? hit[0].length : 1;
  }
  return out + tail;
}
