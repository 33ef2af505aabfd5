// Every user-visible string comes from _locales; a translation is one messages.json.
import browser from './browser';
import type { MessageId, Problem } from './core/problem';

export function t(id: MessageId, ...substitutions: string[]): string {
  return browser.i18n.getMessage(id, substitutions);
}

/** A problem in the user's words; an id this build does not know (a forged message) says so generically. */
export function describe(problem: Problem): string {
  return browser.i18n.getMessage(problem.message, problem.substitutions ?? []) || t('unknownProblem');
}
