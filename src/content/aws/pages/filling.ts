// What a page filled and what it left to the user: a field is filled only when found with certainty and
// read back right; otherwise its value goes to the callout with a copy button.
import { t } from '../../../i18n';
import { setChecked, setText } from '../dom/controls';
import type { Found } from '../dom/find';
import { settle } from '../dom/wait';
import type { GuideRow } from '../guide/guide';

export class Filling {
  readonly filled: GuideRow[] = [];
  readonly copy: GuideRow[] = [];
  /** Boxes and choices the user has to set by hand (nothing to copy). */
  readonly todo: string[] = [];
  /** What was read back right when set, to be read again once the page settled. */
  private readonly held: { holds: () => boolean; undo: () => void }[] = [];

  text(found: Found<HTMLInputElement | HTMLTextAreaElement>, label: string, value: string): boolean {
    const ok = found.status === 'found' && setText(found.el, value);
    const row = { label, value };
    if (!ok) this.copy.push(row);
    else {
      const el = found.el;
      this.hold(row, () => el.value === value, el, () => this.copy.push(row));
    }
    return ok;
  }

  /** A checkbox or radio; `shown` is the value as the user reads it ("ticked", "AWS account → …"). */
  check(found: Found<HTMLInputElement>, checked: boolean, label: string, shown: string): boolean {
    const ok = found.status === 'found' && setChecked(found.el, checked);
    const byHand = t('guideSetByHand', label, shown);
    if (!ok) this.todo.push(byHand);
    else {
      const el = found.el;
      this.hold({ label, value: shown }, () => el.checked === checked, el, () => this.todo.push(byHand));
    }
    return ok;
  }

  /** A row shown as filled while `el` is on the page and `holds()`; else `instead` runs at confirm(). */
  hold(row: GuideRow, holds: () => boolean, el: Element, instead: () => void): void {
    this.filled.push(row);
    this.held.push({
      holds: () => el.isConnected && holds(),
      undo: () => {
        this.filled.splice(this.filled.indexOf(row), 1);
        instead();
      },
    });
  }

  /** Something the page does not need filled by hand but the user should see. */
  note(label: string, value: string): void {
    this.filled.push({ label, value });
  }

  /**
   * Once per page, after everything was set: lets the page settle, then reads every value again. One the
   * page no longer holds (re-rendered, put back) goes to the user, to copy or set by hand.
   */
  async confirm(signal: AbortSignal): Promise<void> {
    await settle(signal);
    for (const value of this.held.splice(0)) if (!value.holds()) value.undo();
  }

  /** What the callout shows of this: filled rows, rows to copy, and what to set by hand. */
  get shown() {
    return { filled: this.filled, copy: this.copy, problems: this.todo };
  }
}

/** The procedure's pages in the current console, for "Step n of 6". */
export const STEP = {
  policyEditor: [1, 6],
  policyReview: [2, 6],
  roleTrustedEntity: [3, 6],
  rolePermissions: [4, 6],
  roleReview: [5, 6],
  roleDetails: [6, 6],
} as const;

/** Whether a message names `name` as a word ("Policy dockercloud-policy created."), not a longer name. */
export const mentionsName = (text: string, name: string): boolean =>
  text
    .toLowerCase()
    .split(/[\s"'“”「」]+/)
    .some((word) => word === name.toLowerCase() || word === `${name.toLowerCase()}.`);
