// DOM primitives for Docker Cloud's pages: the only code that knows how the app's controls are driven.
import { waitFor as waitForChange } from '../aws/dom/wait';

/**
 * An element's text as the user reads it: its text nodes joined by spaces (textContent runs a heading
 * into the next line, "CredentialsRole ARN", when the markup has no whitespace), collapsed, bounded.
 */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let text = '';
  while (walker.nextNode() && text.length < 4096) text += ` ${walker.currentNode.textContent ?? ''}`;
  return text.replace(/\s+/g, ' ').trim().slice(0, 1024);
}

export function isVisible(el: Element): boolean {
  if (el.closest('[hidden],[aria-hidden="true"]')) return false;
  return el.checkVisibility({ visibilityProperty: true });
}

/** Visible elements matching `selector` whose whole text matches `text`; nested matches keep the outermost. */
export function byText<E extends HTMLElement = HTMLElement>(root: ParentNode, selector: string, text: RegExp): E[] {
  const found = [...root.querySelectorAll<E>(selector)].filter((el) => text.test(textOf(el)) && isVisible(el));
  return found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
}

/** The one element a finder returns, or null when there is none or several (never guess between them). */
export const only = <T>(list: T[]): T | null => (list.length === 1 ? list[0]! : null);

/**
 * Resolves with the first truthy `find()`, looked for again as the page changes (throttled by what a look
 * costs, as on the console), or null after `timeoutMs` or once `signal` aborts.
 */
export const waitFor = <T>(find: () => T | null | undefined, timeoutMs: number, signal: AbortSignal): Promise<T | null> =>
  waitForChange(find, { signal, timeout: timeoutMs, attributes: true });

/** A user's click: pointer and mouse events first, for menus that open on mousedown. */
export function click(el: HTMLElement): void {
  const init = { bubbles: true, cancelable: true, composed: true, button: 0 };
  el.dispatchEvent(new PointerEvent('pointerdown', init));
  el.dispatchEvent(new MouseEvent('mousedown', init));
  el.dispatchEvent(new PointerEvent('pointerup', init));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  el.click();
}

/**
 * Fills a (React-)controlled input: the prototype's value setter bypasses the component's own
 * tracker, so the input/change events are seen as the user's edit.
 */
export function fillInput(input: HTMLInputElement | HTMLTextAreaElement, value: string): boolean {
  input.focus();
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return input.value === value;
}

/** True for a colour whose green clearly dominates ("rgb(92, 184, 92)"): the linked plug. */
export function isGreen(color: string): boolean {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return g >= 100 && g > r * 1.3 && g > b * 1.1;
}
