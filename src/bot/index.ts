export { createBot, type CreateBotOptions } from "./create-bot.js";
export type { BotContext } from "./context.js";
