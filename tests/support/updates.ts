// Builders of real Bot API Update objects, with entities computed the way Telegram does.
import type { Chat, Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";

export const BOT_INFO: UserFromGetMe = {
  id: 777000111,
  is_bot: true,
  first_name: "Event QA",
  username: "event_qa_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

let nextId = 1000;
const id = () => ++nextId;
const now = () => Math.floor(Date.now() / 1000);

export function toUser(userId = 42, languageCode: string | undefined = "en"): User {
  return {
    id: userId,
    is_bot: false,
    first_name: "Alice",
    username: `user${userId}`,
    ...(languageCode ? { language_code: languageCode } : {}),
  };
}

export const privateChat = (userId = 42): Chat.PrivateChat => ({
  id: userId,
  type: "private",
  first_name: "Alice",
  username: `user${userId}`,
});
export const groupChat = (chatId = -1001234567890): Chat.SupergroupChat => ({ id: chatId, type: "supergroup", title: "Test group" });

/** Entities Telegram computes itself: a leading bot command, @mentions. */
export function toEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const cmd = /^\/[a-z0-9_]+(@[a-z0-9_]+)?/i.exec(text);
  if (cmd) entities.push({ type: "bot_command", offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/(^|[^\w/])(@[a-z0-9_]{5,32})/gi)) {
    entities.push({ type: "mention", offset: (m.index ?? 0) + (m[1]?.length ?? 0), length: m[2]!.length });
  }
  return entities;
}

type NonChannelChat = Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat;

export function toTextMessage(
  text: string,
  chat: NonChannelChat,
  from: User,
  extra: Partial<Message> = {},
): Message.TextMessage & { chat: NonChannelChat; from: User } {
  const entities = toEntities(text);
  return { message_id: id(), date: now(), chat, from, text, ...(entities.length ? { entities } : {}), ...extra } as Message.TextMessage & {
    chat: NonChannelChat;
    from: User;
  };
}

export function privateText(text: string, opts: { userId?: number; languageCode?: string } = {}): Update {
  const from = toUser(opts.userId ?? 42, opts.languageCode ?? "en");
  return { update_id: id(), message: toTextMessage(text, privateChat(from.id), from) };
}

export function groupText(text: string, opts: { userId?: number; replyTo?: Message; chatId?: number } = {}): Update {
  const from = toUser(opts.userId ?? 43, "en");
  return {
    update_id: id(),
    message: toTextMessage(
      text,
      groupChat(opts.chatId),
      from,
      opts.replyTo ? { reply_to_message: opts.replyTo as Message.TextMessage & { reply_to_message: undefined } } : {},
    ),
  };
}

/** A message the bot sent earlier in the group (for "reply to the bot"). */
export function botMessage(text: string, chat: NonChannelChat = groupChat()): Message.TextMessage {
  return {
    message_id: id(),
    date: now(),
    chat,
    from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username },
    text,
  };
}

export function inlineQuery(query: string, opts: { userId?: number; languageCode?: string } = {}): Update {
  return {
    update_id: id(),
    inline_query: { id: String(id()), from: toUser(opts.userId ?? 42, opts.languageCode ?? "en"), query, offset: "", chat_type: "sender" },
  };
}

/** An update of any shape (fixtures from tests/fixtures/updates, unknown future kinds). */
export function withFreshId(update: Record<string, unknown>): Update {
  return { ...update, update_id: id() } as Update;
}
