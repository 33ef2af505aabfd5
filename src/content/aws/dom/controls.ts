// Driving Cloudscape's React-controlled components the way a user's typing and clicking would.
import { settle } from './wait';

/** React ignores a plain `.value =`: use the prototype's setter, then the events React listens to. */
export async function setText(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<boolean> {
  if (el.value !== value) {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
  }
  return el.value === value;
}

/** Checkboxes, radios and tiles change state through a click handler on their label: click, then read back. */
export async function setChecked(input: HTMLInputElement, checked: boolean): Promise<boolean> {
  if (input.checked !== checked && !input.disabled) {
    input.click();
    await settle();
  }
  return input.checked === checked;
}

/** Presses a non-committing control (a tab, the JSON segment); never used for Next or Create. */
export async function press(el: HTMLElement): Promise<void> {
  el.click();
  await settle();
}
