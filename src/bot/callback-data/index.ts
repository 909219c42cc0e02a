// The bot's callback data: one codec per kind of button.
import { createCallbackData } from "./codec.js";

/** "Whole paragraph": the document (index in engine.documents()) and the quote's offsets in its body (-1: the title). */
export const paragraphData = createCallbackData("p", { doc: "number", start: "number", end: "number" });
/** A related question: its language and index in that language's list. */
export const questionData = createCallbackData("q", { lang: "string", i: "number" });
/** 👍 (1) / 👎 (0) for the answer remembered under `key`. */
export const voteData = createCallbackData("v", { up: "number", key: "string" });

export { CALLBACK_DATA_LIMIT, type CallbackData, createCallbackData } from "./codec.js";
