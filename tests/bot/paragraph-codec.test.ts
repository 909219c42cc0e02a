import { describe, expect, it } from "vitest";
import { CALLBACK_DATA_LIMIT, createCallbackData, paragraphData, questionData, voteData } from "../../src/bot/callback-data/index.js";
import { findParagraph } from "../../src/bot/paragraph.js";

describe("callback data codec", () => {
  it("should pack and unpack values, and reject other kinds and malformed data", () => {
    const data = paragraphData.pack({ doc: 0, start: 123, end: 456 });
    expect(data).toBe("p:0:123:456");
    expect(paragraphData.unpack(data)).toEqual({ doc: 0, start: 123, end: 456 });
    expect(paragraphData.unpack("q:en:1")).toBeUndefined();
    expect(paragraphData.unpack("p:0:x:1")).toBeUndefined();
    expect(paragraphData.unpack("p:0:1")).toBeUndefined();
    expect(questionData.unpack(questionData.pack({ lang: "az", i: 2 }))).toEqual({ lang: "az", i: 2 });
    expect(voteData.filter().test(voteData.pack({ up: 1, key: "abc:def" }))).toBe(true);
    expect(voteData.unpack(voteData.pack({ up: 0, key: "abc:def" }))).toEqual({ up: 0, key: "abc:def" });
  });

  it("should refuse data over Telegram's 64 bytes", () => {
    const codec = createCallbackData("x", { s: "string" });
    expect(() => codec.pack({ s: "я".repeat(40) })).toThrow(/64 bytes/);
    expect(Buffer.byteLength(codec.pack({ s: "a".repeat(CALLBACK_DATA_LIMIT - 2) }))).toBe(64);
  });
});

describe("findParagraph", () => {
  const body = "\nFirst paragraph. Its second sentence.\n\nSecond one. The quote is here. After it.\n  \nThird.";
  it("should return the blank-line paragraph around the quote with the quote's offsets", () => {
    const quote = "The quote is here.";
    const start = body.indexOf(quote);
    const p = findParagraph({ body }, start, start + quote.length, quote)!;
    expect(p.paragraph).toBe("Second one. The quote is here. After it.");
    expect(p.paragraph.slice(p.quote!.start, p.quote!.end)).toBe(quote);
  });

  it("should search for the quote when the offsets are stale, and give the first paragraph for the headline", () => {
    const p = findParagraph({ body }, 0, 5, "Third.")!;
    expect(p.paragraph).toBe("Third.");
    expect(findParagraph({ body }, -1, -1)!.paragraph).toBe("First paragraph. Its second sentence.");
    expect(findParagraph({ body }, 0, 5, "not in the body")).toBeUndefined();
  });
});
