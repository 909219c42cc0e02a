import { describe, expect, it } from "vitest";
import { htmlToPlainText } from "../../../src/bot/html.js";
import { createHarness } from "../../support/harness.js";
import { groupText, privateText } from "../../support/updates.js";

describe("/start, /help, /sources", () => {
  it("should greet in the user's language with the corpus titles, dates and three examples", async () => {
    const h = createHarness();
    await h.send(privateText("/start", { languageCode: "ru" }));
    await h.send(privateText("/start", { languageCode: "en-GB" }));
    await h.send(privateText("/start", { languageCode: "az" }));
    await h.send(privateText("/start", { languageCode: "fr" }));
    const [ru, en, az, fr] = h.sentTexts().map(htmlToPlainText);
    expect(ru).toContain("Здравствуйте");
    expect(en).toContain("Hello");
    expect(az).toContain("Salam");
    expect(fr).toBe(ru); // Russian by default
    for (const t of [ru!, en!, az!]) {
      expect(t).toContain("Talks <in> Baku");
      expect(t).toContain("2026-02-10");
      expect(t.split("\n").filter((l) => l.startsWith("• ") && l.endsWith("?"))).toHaveLength(3);
    }
  });

  it("should explain how to ask on /help, also as /help@bot in a group, quoting the command there", async () => {
    const h = createHarness();
    await h.send(privateText("/help"));
    const update = groupText("/help@event_qa_bot");
    await h.send(update);
    const [priv, group] = h.of("sendMessage");
    expect(priv!.payload.text).toContain("/ask@event_qa_bot");
    expect(group!.payload.reply_parameters).toMatchObject({ message_id: update.message!.message_id });
  });

  it("should list the sources with links", async () => {
    const h = createHarness();
    await h.send(privateText("/sources"));
    const text = h.sentTexts()[0]!;
    expect(text).toContain('<a href="https://example.org/a?x=1&amp;y=2">Talks &lt;in&gt; Baku');
    expect(text).toContain("Summit notes (2025-08-08)");
  });
});
