export type { BotContext } from "./context.js";
export { type CreateBotOptions, createBot } from "./create-bot.js";
