// Its own file: fastText's loading state is per process (module), and lang.test.ts loads it.
import { describe, expect, it } from "vitest";
import { createLazyLanguageDetector, fastTextRequested } from "../../src/engine/lang.js";

describe("createLazyLanguageDetector", () => {
  it("should load fastText only for the first text the script rules cannot decide", async () => {
    const detector = createLazyLanguageDetector();
    expect(await detector.detect("Сколько компаний было в делегации?")).toBe("ru");
    expect(await detector.detect("TRIPP nədir?")).toBe("az");
    expect(await detector.detect("😀", "en")).toBe("en");
    expect(fastTextRequested()).toBe(false);
    expect(detector.detectLoaded("Görüş harada keçirilib?")).toBe("az"); // script rules alone meanwhile
    expect(await detector.detect("Who led the delegation?")).toBe("en");
    expect(fastTextRequested()).toBe(true);
    expect(await detector.detect("Kim görüşüb?")).toBe("az");
    expect(detector.detectLoaded("Where did the meeting take place?")).toBe("en");
  });
});
