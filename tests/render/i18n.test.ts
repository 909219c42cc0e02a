import { describe, expect, it } from "vitest";
import { fill, textsFor, toBotLang } from "../../src/render/i18n.js";

describe("locales", () => {
  it("should map Telegram language codes to ru/en/az with Russian as default", () => {
    expect(toBotLang("en-US")).toBe("en");
    expect(toBotLang("az")).toBe("az");
    expect(toBotLang("de")).toBe("ru");
    expect(toBotLang(undefined)).toBe("ru");
  });

  it("should have distinct wording per language with the same placeholders", () => {
    const [ru, en, az] = (["ru", "en", "az"] as const).map(textsFor);
    expect(en!.error).not.toBe(ru!.error);
    expect(az!.error).not.toBe(en!.error);
    for (const t of [ru!, en!, az!]) {
      expect(t.help).toContain("{bot}");
      expect(t.askUsage).toContain("{example}");
    }
  });

  it("should hold the wording of answers and refusals in every language, with the same placeholders", () => {
    for (const lang of ["ru", "en", "az"] as const) {
      const t = textsFor(lang);
      expect(t.answer.note).toContain("{source}");
      expect(t.refusal.missing_fact).toContain("{fact}");
      expect(t.refusal.scope).toContain("{titles}");
      expect(Object.keys(t.fact)).toHaveLength(11);
      expect(Object.keys(t.lang)).toEqual(["ru", "en", "az"]);
    }
    expect(textsFor("en").refusal.off_topic).not.toBe(textsFor("ru").refusal.off_topic);
  });

  it("should fill placeholders and keep unknown ones", () => {
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});
