/**
 * Numerals of ru, en and az: one module for every use — their values (numbers in model answers),
 * a numeral token in any case form (counts in sentences), numerals in running text.
 */
import { ub } from "../lexicon.js";

/** Cardinal number words and their values (en, ru in its case forms, az). */
export const NUMERALS: Readonly<Record<string, number>> = {
  // Words that double as an article, a pronoun or a preposition (see ARTICLE_LIKE).
  one: 1,
  bir: 1,
  on: 10,
  один: 1,
  одна: 1,
  одной: 1,

  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  два: 2,
  две: 2,
  двух: 2,
  двум: 2,
  двумя: 2,
  три: 3,
  трех: 3,
  трёх: 3,
  тремя: 3,
  четыре: 4,
  четырех: 4,
  четырёх: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  семь: 7,
  семи: 7,
  восемь: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
  одиннадцать: 11,
  одиннадцати: 11,
  двенадцать: 12,
  двенадцати: 12,
  тринадцать: 13,
  тринадцати: 13,
  четырнадцать: 14,
  четырнадцати: 14,
  пятнадцать: 15,
  пятнадцати: 15,
  шестнадцать: 16,
  шестнадцати: 16,
  семнадцать: 17,
  семнадцати: 17,
  восемнадцать: 18,
  восемнадцати: 18,
  девятнадцать: 19,
  девятнадцати: 19,
  двадцать: 20,
  двадцати: 20,
  тридцать: 30,
  тридцати: 30,
  сорок: 40,
  сорока: 40,
  пятьдесят: 50,
  пятидесяти: 50,
  шестьдесят: 60,
  шестидесяти: 60,
  семьдесят: 70,
  семидесяти: 70,
  восемьдесят: 80,
  восьмидесяти: 80,
  девяносто: 90,
  девяноста: 90,
  сто: 100,
  iki: 2,
  üç: 3,
  dörd: 4,
  beş: 5,
  altı: 6,
  yeddi: 7,
  səkkiz: 8,
  doqquz: 9,
  iyirmi: 20,
  otuz: 30,
  qırx: 40,
  əlli: 50,
  yüz: 100,
};

/** Numerals that double as an article, a pronoun or a preposition ("one", "bir", English "on"): not a quantity by themselves. */
export const ARTICLE_LIKE: ReadonlySet<string> = new Set(["one", "bir", "on", "один", "одна", "одной"]);

/** A numeral in running text (whole words). */
export const NUMBER_WORDS = ub(
  /\b(один|одна|одно|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать|двенадцать|двадцать|тридцать|сорок|пятьдесят|сто|тысяч\S*|миллион\S*|несколько|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|several|bir|iki|üç|dörd|beş|altı|yeddi|səkkiz|doqquz)\b/i,
);

/**
 * A numeral, as one token, in any case form ("восьми районов", "двух компаний", "five", "beş").
 * Per language; the Azerbaijani "on" (ten) is left out: in English text it is a preposition.
 */
export const NUMBER_STEM = new RegExp(
  "^(" +
    [
      "один|одна|одно|одного|одной|одному|одним|одну|два|две|двух|двум|двумя|три|трех|трем|тремя|четыре|четырех|четырем|четырьмя",
      "пять|пяти|пятью|шесть|шести|шестью|семь|семи|семью|восемь|восьми|восемью|девять|девяти|девятью|десять|десяти|десятью",
      "(одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат|тридцат)\\S*",
      "сорок\\S*|(пят|шест|сем|восем)ьдесят\\S*|(пят|шест|сем|восьм)идесят\\S*|девяност\\S*|сто|ста|сотн\\S*|двест\\S*|трист\\S*|четырест\\S*",
      "(пят|шест|сем|восем|девят)(ьсот|исот)\\S*|тысяч\\S*|миллион\\S*|миллиард\\S*|нескольк\\S*|дважды|трижды|оба|обе|обоих",
      "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen",
      "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|several|dozens?|twice|many",
      "bir|iki|üç|dörd|beş|altı|yeddi|səkkiz|doqquz|iyirmi|otuz|qırx|əlli|yüz|milyon|milyard",
    ].join("|") +
    ")$",
);

/** A "%" right after a number ("40%", "40 %"); tokens leave it out. */
export const PERCENT_SIGN = /^\s?%/;

/** Words that scale a number: "1,2 млн", "5 billion". */
export const SCALE_WORD = /^(млрд|млн|тыс|миллиард\S*|миллион\S*|тысяч\S*|billion|million|thousand|milyard|milyon|min)$/;

/** Units a number measures a thing in: "1 850 тонн (чайного листа)", "48 миллионов кубометров (воды)". */
export const MEASURE_UNIT =
  /^(тонн\S*|т|кг|килограмм\S*|гектар\S*|га|квадратн\S*|кв|кубическ\S*|square|sq|cubic|километр\S*|км|метр\S*|м|литр\S*|кубометр\S*|мегаватт\S*|мвт|киловатт\S*|процент\S*|tons?|tonnes?|kg|kilograms?|hectares?|ha|kilomet(er|re)s?|km|met(er|re)s?|lit(er|re)s?|megawatts?|mw|percent|ton|hektar\S*|kilometr\S*|litr\S*|faiz\S*)$/u;
