import type messages from '../../_locales/en/messages.json';

/** A key of `_locales/en/messages.json`: every user-visible text has one. */
export type MessageId = keyof typeof messages;

/** Something wrong, said in the user's words: a message id and its `$1…$9` substitutions. */
export interface Problem {
  message: MessageId;
  substitutions?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (message: MessageId, ...substitutions: string[]): Result<never> => ({
  ok: false,
  problem: substitutions.length > 0 ? { message, substitutions } : { message },
});
