import { describe, expect, it } from "vitest";
import { textsFor } from "../../../src/bot/i18n.js";
import { createFakeEngine } from "../../support/fake-engine.js";
import { createHarness } from "../../support/harness.js";
import { groupText, privateText, withFreshId } from "../../support/updates.js";

describe("fallback", () => {
  it("should point an unknown private command to /help, in the user's language", async () => {
    const h = createHarness();
    await h.send(privateText("/weather", { languageCode: "en" }));
    await h.send(privateText("/weather", { languageCode: "ru" }));
    expect(h.sentTexts()).toEqual([textsFor("en").unknownCommand, textsFor("ru").unknownCommand]);
    expect(textsFor("en").unknownCommand).toContain("/help");
  });

  it("should stay silent on unknown commands in groups and on updates no feature handles", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(groupText("/weather"));
    await h.send(groupText("/weather@other_bot"));
    await h.send(withFreshId({ chat_join_request: { chat: { id: -1, type: "supergroup", title: "g" }, from: { id: 5 }, date: 0 } }));
    expect(h.calls).toEqual([]);
    expect(engine.asked).toEqual([]);
  });
});
