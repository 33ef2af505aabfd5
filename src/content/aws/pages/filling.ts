// What a page filled and what it left to the user: a field is filled only when found with certainty and
// read back right; otherwise its value goes to the callout with a copy button.
import { t } from '../../../i18n';
import { setChecked, setText } from '../dom/controls';
import type { Found } from '../dom/find';
import type { GuideRow } from '../guide/guide';

export class Filling {
  readonly filled: GuideRow[] = [];
  readonly copy: GuideRow[] = [];
  /** Boxes and choices the user has to set by hand (nothing to copy). */
  readonly todo: string[] = [];

  async text(found: Found<HTMLInputElement | HTMLTextAreaElement>, label: string, value: string): Promise<boolean> {
    const ok = found.status === 'found' && (await setText(found.el, value));
    (ok ? this.filled : this.copy).push({ label, value });
    return ok;
  }

  /** A checkbox or radio; `shown` is the value as the user reads it ("ticked", "AWS account → …"). */
  async check(found: Found<HTMLInputElement>, checked: boolean, label: string, shown: string): Promise<boolean> {
    const ok = found.status === 'found' && (await setChecked(found.el, checked));
    if (ok) this.filled.push({ label, value: shown });
    else this.todo.push(t('guideSetByHand', label, shown));
    return ok;
  }

  /** Something the page does not need filled by hand but the user should see. */
  note(label: string, value: string): void {
    this.filled.push({ label, value });
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
