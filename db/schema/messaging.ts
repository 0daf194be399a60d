import type { Insertable, Selectable, Updateable } from "kysely";
import type { MessageChannel, MessagePurpose, MessageStatus } from "~/messaging/message";

export interface MessageTable {
  id: string;
  channel: MessageChannel;
  /** Email address or UK mobile; '' once a message marked forget_recipient is finished with. */
  recipient: string;
  forget_recipient: number;
  subject: string;
  body: string;
  purpose: MessagePurpose;
  related_type: string | null;
  related_id: string | null;
  status: MessageStatus;
  attempts: number;
  next_attempt_at: string;
  /** Status code and error type, or a network error code; never message text. */
  last_error: string | null;
  /** Notify's notification id, or 'outbox' when delivered to the local outbox. */
  notify_id: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface MessagingTables {
  messages: MessageTable;
}

export type Message = Selectable<MessageTable>;
export type NewMessage = Insertable<MessageTable>;
export type MessageUpdate = Updateable<MessageTable>;
