// Driving Cloudscape's React-controlled components the way a user's typing and clicking would. React
// commits a controlled input's change before the event's dispatch returns (and puts back a value it
// rejects), so each is read back at once; the page checks everything again once after it settled.
import { pageChanged } from './find';

/** React ignores a plain `.value =`: use the prototype's setter, then the events React listens to. */
export function setText(el: HTMLInputElement | HTMLTextAreaElement, value: string): boolean {
  if (el.value !== value) {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    pageChanged();
  }
  return el.value === value;
}

/** Checkboxes, radios and tiles change state through a click handler on their label: click, then read back. */
export function setChecked(input: HTMLInputElement, checked: boolean): boolean {
  if (input.checked !== checked && !input.disabled) {
    input.click();
    pageChanged();
  }
  return input.checked === checked;
}

/** Presses a non-committing control (a tab, the JSON segment); never used for Next or Create. What it reveals is waited for by the caller. */
export function press(el: HTMLElement): void {
  el.click();
  pageChanged();
}
