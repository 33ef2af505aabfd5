// Renders a Problem the way chrome.i18n.getMessage would, from _locales/en/messages.json,
// so tests can assert the words a user actually reads.
import messages from '../../_locales/en/messages.json';
import type { MessageId, Problem } from '../../src/core/problem';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
export const MESSAGES: Record<string, Entry> = messages;

export function hasMessage(id: string): id is MessageId {
  return Object.hasOwn(MESSAGES, id);
}

/** The `$1…$9` placeholders a message uses, as numbers. */
export function placeholdersOf(id: string): number[] {
  const text = MESSAGES[id]?.message ?? '';
  return [...new Set([...text.replaceAll('$$', '').matchAll(/\$([1-9])/g)].map((m) => Number(m[1])))].sort();
}

/** English text of a message; throws on an unknown id so a typo never passes as "no text". */
export function render(problem: Problem | MessageId, ...substitutions: string[]): string {
  const p: Problem = typeof problem === 'string' ? { message: problem, substitutions } : problem;
  const entry = MESSAGES[p.message];
  if (entry === undefined) throw new Error(`unknown message id ${p.message}`);
  const subs = p.substitutions ?? [];
  // One pass, so a substitution containing "$2" is not substituted again.
  return entry.message.replace(/\$\$|\$([1-9])/g, (all, n: string | undefined) =>
    n === undefined ? '$' : (subs[Number(n) - 1] ?? ''),
  );
}

/** Renders the problem of a failed Result, failing loudly if the Result is ok. */
export function renderFailure(result: { ok: true } | { ok: false; problem: Problem }): string {
  if (result.ok) throw new Error('expected a failure, got ok');
  return render(result.problem);
}
