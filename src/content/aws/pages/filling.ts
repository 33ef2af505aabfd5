// Fill, then hold. A value set on the page counts as filled only once the page has held it through a
// settle window; until the user leaves the step it stays watched, and one the page resets (a re-mount, a
// component effect, state that never took it) is set again, a bounded number of times. One reset after the
// callout said "filled" leaves the filled rows, its control ringed, until it has held again. A value that
// does not hold, or a control not found with certainty, goes to the callout: the value with a copy button.
import { t } from '../../../i18n';
import { setChecked, setText } from '../dom/controls';
import { found, type Found } from '../dom/find';
import { watchPage } from '../dom/wait';
import type { Guide, GuideContent, GuideRow } from '../guide/guide';

/** Times a value the page put back is set again before the user is asked to enter it. */
export const MAX_REFILLS = 3;
/** How long every value must have held, untouched by us, before the guide says "filled". */
export const HOLD_MS = 300;
/**
 * How long a value the page has already put back once must hold: that component re-applies its own value on a
 * timer of its own, which a busy machine stretches well past HOLD_MS.
 */
export const HOLD_AFTER_RESET_MS = 1200;
/** The longest the guide waits for values to hold before it shows what it has. */
const HOLD_MAX_MS = 4000;
/** Property changes (React putting a value back) make no DOM mutation: values are also read this often. */
const RECHECK_MS = 250;

type Maybe<T> = T | Promise<T>;

interface Held {
  row: GuideRow;
  apply: () => Maybe<boolean>;
  holds: () => Maybe<boolean>;
  /** Moves the field to the user (copy row or "set by hand"), saying the console reset it. */
  giveUp: () => void;
  /** The control on the page now: a value the user types there is theirs, no longer held. */
  control: () => Element | null;
  refills: number;
  since: number;
  state: 'holding' | 'lost' | 'user';
  /** Set again after the callout said "filled": not shown as filled until it has held HOLD_AFTER_RESET_MS. */
  settling: boolean;
}

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** Whether `h` has held long enough to be said filled: HOLD_MS, or HOLD_AFTER_RESET_MS once the page put it back. */
const heldLongEnough = (h: Held, now: number): boolean => now - h.since >= (h.refills > 0 ? HOLD_AFTER_RESET_MS : HOLD_MS);

/** The control now: the one set (or `first`, found before) while it is on the page, else found again (the console re-mounted it). */
function current<T extends Element>(locate: () => Found<T>, first?: Found<T>): () => T | null {
  let el: T | null = first ? found(first) : null;
  return () => {
    if (!el?.isConnected) el = found(locate());
    return el;
  };
}

export class Filling {
  readonly filled: GuideRow[] = [];
  readonly copy: GuideRow[] = [];
  /** Boxes and choices the user has to set by hand (nothing to copy), and values the console reset. */
  readonly todo: string[] = [];
  private readonly held: Held[] = [];
  /** The controls of values left to the user (null: its control is not known with certainty), in order. */
  private readonly toFix: (Element | null)[] = [];
  private shown: { guide: Guide; content: GuideContent; target: Element | null } | null = null;
  private watching = false;
  private busy = false;

  constructor(private readonly signal: AbortSignal) {}

  text(locate: () => Found<TextControl>, label: string, value: string, first?: Found<TextControl>): boolean {
    const row = { label, value };
    return this.set(locate, row, (el) => setText(el, value), (el) => el.value === value, () => {
      this.copy.push(row);
      return value;
    }, first);
  }

  /**
   * The text fields of one step, all found before the first is set: a value set makes the console re-render,
   * and a look after that would compute the page's style again before the next field could be set.
   */
  texts(fields: { locate: () => Found<TextControl>; label: string; value: string }[]): void {
    const first = fields.map((field) => field.locate());
    fields.forEach((field, i) => this.text(field.locate, field.label, field.value, first[i]));
  }

  /** A checkbox or radio; `shown` is the value as the user reads it ("ticked", "AWS account → …"). */
  check(locate: () => Found<HTMLInputElement>, checked: boolean, label: string, shown: string): boolean {
    return this.set(locate, { label, value: shown }, (el) => setChecked(el, checked), (el) => el.checked === checked, () => {
      this.todo.push(t('guideSetByHand', label, shown));
      return shown;
    });
  }

  /** Sets a control found with certainty; else, or once it does not hold, `byHand` names it to the user. */
  private set<T extends Element>(
    locate: () => Found<T>,
    row: GuideRow,
    apply: (el: T) => boolean,
    holds: (el: T) => boolean,
    byHand: () => string,
    first?: Found<T>,
  ): boolean {
    const control = current(locate, first);
    const el = control();
    if (!el || !apply(el)) {
      byHand();
      this.toFix.push(el);
      return false;
    }
    this.hold(row, {
      apply: () => {
        const now = control();
        return now !== null && apply(now);
      },
      holds: () => {
        const now = control();
        return now !== null && holds(now);
      },
      control,
      giveUp: () => this.todo.push(t('guideConsoleReset', row.label, byHand())),
    });
    return true;
  }

  /** A value already set by the caller (`apply` sets it again), shown as `row` while `holds()`. */
  hold(row: GuideRow, how: Pick<Held, 'apply' | 'holds' | 'giveUp' | 'control'>): void {
    this.filled.push(row);
    // A value given up is the user's to enter, in the control it was held in: that control is ringed.
    const giveUp = () => {
      how.giveUp();
      this.toFix.push(how.control());
    };
    this.held.push({ row, ...how, giveUp, refills: 0, since: performance.now(), state: 'holding', settling: false });
  }

  /**
   * Watches every value until the visit ends, and resolves once each has held long enough (heldLongEnough)
   * or was given up; the callout drawn then says "filled" only of values the page holds.
   */
  async confirm(): Promise<void> {
    this.watch();
    const began = performance.now();
    while (!this.signal.aborted && performance.now() - began < HOLD_MAX_MS) {
      await this.recheck();
      const now = performance.now();
      if (this.held.every((h) => h.state !== 'holding' || heldLongEnough(h, now))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Still being put back at the end of the wait: not a value the page holds.
    for (const h of this.held) if (h.state === 'holding' && !heldLongEnough(h, performance.now())) this.drop(h, 'lost');
  }

  /** Shows the callout with this filling's rows; shown again whenever a value is lost, reset or held again later. */
  present(guide: Guide, content: GuideContent, target: Element | null = null): void {
    this.shown = { guide, content, target };
    const settling = this.held.filter((h) => h.state === 'holding' && h.settling);
    // A value left to the user: its field is ringed (the callout still names the button), or nothing when no
    // field is known with certainty. A value being set again: its field is ringed until it holds.
    const leftToUser = this.copy.length + this.todo.length > 0;
    const fix = settling.map((h) => h.control()).find((el) => el?.isConnected) ?? (leftToUser ? (this.toFix.find((el) => el?.isConnected) ?? null) : undefined);
    const filled = this.filled.filter((row) => !settling.some((h) => h.row === row));
    const problems = [...(content.problems ?? []), ...this.todo, ...settling.map((h) => t('guideConsoleResetting', h.row.label))];
    guide.show({ ...content, filled, copy: this.copy, problems, ...(fix !== undefined && { fix }) }, target);
  }

  private watch(): void {
    if (this.watching || this.signal.aborted) return;
    this.watching = true;
    const look = () => void this.recheck();
    // The user's own typing or clicking (trusted events only, on the control or its label) makes a field
    // theirs: never set it again. A pointer press, a click and beforeinput come before the page re-renders.
    const onEdit = (event: Event) => {
      const target = event.target;
      if (event.isTrusted && target instanceof Element) {
        const label = target.closest('label');
        for (const h of this.held) {
          const control = h.control();
          if (h.state === 'holding' && control && (control.contains(target) || label?.contains(control) || label?.control === control)) this.drop(h, 'user');
        }
      }
      if (event.type === 'input' || event.type === 'change') look();
    };
    const stop = watchPage(look, { attributes: true });
    const timer = setInterval(look, RECHECK_MS);
    const kinds = ['pointerdown', 'click', 'beforeinput', 'input', 'change'];
    for (const kind of kinds) document.addEventListener(kind, onEdit, true);
    this.signal.addEventListener('abort', () => {
      stop();
      clearInterval(timer);
      for (const kind of kinds) document.removeEventListener(kind, onEdit, true);
    }, { once: true });
  }

  private async recheck(): Promise<void> {
    if (this.busy || this.signal.aborted) return;
    this.busy = true;
    try {
      for (const h of this.held) {
        if (h.state !== 'holding') continue;
        if (await h.holds()) {
          if (h.settling && heldLongEnough(h, performance.now())) this.setSettling(h, false);
          continue;
        }
        if (this.signal.aborted || h.state !== 'holding') continue;
        if (h.refills >= MAX_REFILLS) {
          this.drop(h, 'lost');
          continue;
        }
        h.refills++;
        h.since = performance.now();
        if (!(await h.apply())) this.drop(h, 'lost');
        // Put back after the callout said "filled": not filled again until it has held again.
        else if (this.shown && !h.settling) this.setSettling(h, true);
      }
    } finally {
      this.busy = false;
    }
  }

  private setSettling(h: Held, settling: boolean): void {
    h.settling = settling;
    if (this.shown && !this.signal.aborted) this.present(this.shown.guide, this.shown.content, this.shown.target);
  }

  /** A value no longer ours to hold: lost (the console kept resetting it) or the user's (they edited it). */
  private drop(h: Held, state: 'lost' | 'user'): void {
    if (h.state !== 'holding' || this.signal.aborted) return;
    h.state = state;
    h.settling = false;
    this.filled.splice(this.filled.indexOf(h.row), 1);
    if (state === 'lost') h.giveUp();
    if (this.shown) this.present(this.shown.guide, this.shown.content, this.shown.target);
  }
}

/** Whether a message names `name` as a word ("Policy dockercloud-policy created."), not a longer name. */
export const mentionsName = (text: string, name: string): boolean =>
  text
    .toLowerCase()
    .split(/[\s"'“”「」]+/)
    .some((word) => word === name.toLowerCase() || word === `${name.toLowerCase()}.`);
