// The trust policy shown on a page (review step, Trust relationships tab): the one JSON document there
// with a Statement in the page's own content, as text (page text: bounded, parsed by the core's checker).
import { inMain, isVisible } from '../dom/find';

const MAX = 16384;

export function trustPolicyText(): string | null {
  const texts = new Set<string>();
  for (const el of inMain('pre, code, textarea')) {
    if (!isVisible(el) || el.closest('pre, code, textarea') !== el) continue;
    const text = el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '');
    if (text.length > MAX || !text.includes('Statement')) continue;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && 'Statement' in parsed && JSON.stringify(parsed).includes('sts:')) texts.add(text);
    } catch {
      // Not JSON: not the trust policy.
    }
  }
  return texts.size === 1 ? ([...texts][0] ?? null) : null;
}
