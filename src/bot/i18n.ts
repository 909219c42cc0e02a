// The bot's fixed wording lives with the renderers (src/render/i18n.ts): one i18n for every surface.
export * from "../render/i18n.js";
