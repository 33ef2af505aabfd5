// Finding console controls by their visible label and Cloudscape structure, inside the console's main
// content only (never its global header, search, navigation or side panels). A control is "found" only
// when exactly one visible candidate matches: none is "missing", several is "ambiguous".
import { isLabel, isLabelText, labelText, type LabelKey } from './labels';

export type Found<T extends Element> = { status: 'found'; el: T } | { status: 'missing' } | { status: 'ambiguous' };

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** Stable prefixes of Cloudscape's scoped class names (file hash part), see the console reference. */
export const CLOUDSCAPE = {
  wizardPrimaryButton: '[class*="awsui_primary-button_1xupv_"]',
  codeEditor: '[class*="awsui_code-editor_1gl9c_"]',
  tile: '[class*="awsui_tile-container_vj6p7_"]',
  segmentedControl: '[class*="awsui_root_8cbea_"]',
  flashSuccess: '[class*="awsui_flash-type-success_1q84n_"]',
  tabs: '[class*="awsui_root_14rmt_"]',
};

/** The element if found with certainty, else null. */
export const found = <T extends Element>(f: Found<T>): T | null => (f.status === 'found' ? f.el : null);

/** Rendered (has a box): no `display: none` up the tree. Reads style only, so it never forces a layout. */
export const isVisible = (el: Element): boolean => el.checkVisibility();

/** Hidden by the markup itself, with no style read: the `hidden` attribute, a closed dialog, an inline `display: none`. */
const hiddenByMarkup = (el: Element): boolean => el.closest('[hidden], dialog:not([open]), [style*="display: none"], [style*="display:none"]') !== null;

// Markup windows. In the task that rendered a step the page has not computed its style yet: the first read of
// it computes the whole new step's (2-8 ms of the page's own work for its next frame) before the first value
// could be set. While a window is open (the rest of that task), an element the task added (no style computed
// yet) is taken on its markup when it is the only candidate. Style decides among several, and for every element
// older than the task: a console can keep fields mounted that its stylesheet hides (another step's, a copy).
// The router opens a window for the step the URL names, and looks again with style in the next task.
let markupWindow: { id: number; added: Set<Node>; after: () => void } | null = null;
let windows = 0;

const takeAdded = (records: MutationRecord[]) => {
  for (const record of records) for (const node of record.addedNodes) markupWindow?.added.add(node);
};
// Made once, for every window: what the step's own code adds next (a field a ticked box reveals) is new in its
// task too; the end of the task is a message, not a timer (timers are throttled in background tabs).
let parts: { since: MutationObserver; channel: MessageChannel } | null = null;

const closeMarkupWindow = () => {
  markupWindow = null;
  parts?.since.disconnect();
};

/**
 * Opens a markup window over the elements `records` added and those added after them, until the end of the
 * current task; `after` runs in the next one. Returns the function that closes it at once (and drops `after`).
 * Opened again in the same task, the window open takes the new records too.
 */
export function openMarkupWindow(records: MutationRecord[], after: () => void): () => void {
  if (!markupWindow) {
    if (!parts) {
      const channel = new MessageChannel();
      // A window closed early posted its end too: only the open one's ends it.
      channel.port1.onmessage = ({ data }: MessageEvent<unknown>) => {
        const open = markupWindow;
        if (!open || open.id !== data) return;
        closeMarkupWindow();
        open.after();
      };
      parts = { since: new MutationObserver(takeAdded), channel };
    }
    markupWindow = { id: ++windows, added: new Set(), after };
    parts.since.observe(document, { childList: true, subtree: true });
    parts.channel.port2.postMessage(markupWindow.id);
  }
  takeAdded(records);
  return closeMarkupWindow;
}

/** Whether `el` is new in the open window's task (see above). */
function isNew(el: Element): boolean {
  if (!markupWindow || !parts) return false;
  takeAdded(parts.since.takeRecords());
  for (let node: Element | null = el; node; node = node.parentElement) if (markupWindow.added.has(node)) return true;
  return false;
}

/** The candidates on screen (see the markup windows above). */
function shown<T extends Element>(candidates: T[]): T[] {
  if (!markupWindow) return candidates.filter(isVisible);
  const marked = candidates.filter((el) => !hiddenByMarkup(el));
  const [only] = marked;
  return marked.length === 1 && only && isNew(only) ? marked : marked.filter(isVisible);
}

/** Landmarks around the page's own content: the global header and search, navigation, help panels. */
const OUTSIDE = '[role="banner"], [role="search"], [role="navigation"], [role="complementary"], nav, aside, [data-testid^="awsc-"]';

/**
 * What a look at the page reads once: a look asks for the content root and its labels dozens of times (a step's
 * signature, its completeness, its fields). They are kept for that look only (lookAt: the router's looks and
 * every wait's), and read again after the engine itself changed the page (pageChanged: a value set re-renders
 * the console before the event's dispatch returns). Never longer: a look can run inside the page's own code (a
 * navigation event), which goes on changing the page in the same task. Outside a look each is read when asked.
 */
let looking: { root?: HTMLElement; labels?: ContentLabel[] } | null = null;
type ContentLabel = { el: HTMLLabelElement; text: string };

/** Runs `look` with what it reads of the page read once (see above). */
export function lookAt<T>(look: () => T): T {
  const outer = looking;
  looking = {};
  try {
    return look();
  } finally {
    // An outer look reads the page again: this one may have changed it.
    looking = outer && {};
  }
}

/** The engine has changed the page (a value set, a box ticked): what was read of it is read again. */
export function pageChanged(): void {
  if (looking) looking = {};
}

/** The console's main content: the one outermost visible `main` landmark, else the body (then without its header). */
export function contentRoot(): HTMLElement {
  if (looking) return (looking.root ??= findContentRoot());
  return findContentRoot();
}

function findContentRoot(): HTMLElement {
  const landmarks = [...document.querySelectorAll<HTMLElement>('main, [role="main"]')].filter((m) => !m.parentElement?.closest('main, [role="main"]'));
  // In a markup window the one landmark is taken on its markup: reading its style would compute the new step's
  // (what is filled inside it passes the window's own test).
  const marked = markupWindow ? landmarks.filter((m) => !hiddenByMarkup(m)) : [];
  const mains = marked.length === 1 ? marked : landmarks.filter(isVisible);
  // Before the body is parsed (the engine may start that early), the document's root element.
  return mains.length === 1 && mains[0] ? mains[0] : (document.body ?? document.documentElement);
}

/** The labels in the page's own content, each with its text as a label. */
function contentLabels(): ContentLabel[] {
  const read = () => inMain<HTMLLabelElement>('label').map((el) => ({ el, text: labelText(el.textContent) }));
  if (looking) return (looking.labels ??= read());
  return read();
}

/** Whether `el` is part of the page's own content (see contentRoot), not of the chrome around it. */
export function inContent(el: Element, root: Element = contentRoot()): boolean {
  if (!root.contains(el) || el.closest(OUTSIDE)) return false;
  return root !== document.body || !el.closest('header');
}

/** Elements matching `selector` in the page's own content. */
export function inMain<T extends Element>(selector: string, scope?: ParentNode): T[] {
  const root = contentRoot();
  return [...(scope ?? root).querySelectorAll<T>(selector)].filter((el) => inContent(el, root));
}

export function one<T extends Element>(candidates: Iterable<T>): Found<T> {
  const unique = shown([...new Set(candidates)]);
  if (unique.length === 1 && unique[0]) return { status: 'found', el: unique[0] };
  return unique.length === 0 ? { status: 'missing' } : { status: 'ambiguous' };
}

const isTextControl = (el: Element | null): el is TextControl =>
  (el instanceof HTMLInputElement && ['text', 'search', 'number', ''].includes(el.getAttribute('type') ?? '')) ||
  el instanceof HTMLTextAreaElement;

/** The input a FormField label names: `label[for]` first, then `aria-labelledby`, then nesting (legacy pages). */
function controlOf(label: HTMLLabelElement): TextControl | null {
  const byFor = label.htmlFor ? document.getElementById(label.htmlFor) : null;
  if (isTextControl(byFor)) return byFor;
  if (label.id) {
    const byAria = [...document.querySelectorAll(`[aria-labelledby~="${CSS.escape(label.id)}"]`)].find(isTextControl);
    if (byAria) return byAria;
  }
  const nested = label.querySelector('input, textarea');
  return isTextControl(nested) ? nested : null;
}

/** Text inputs whose label is `key`, within `scope`. */
function textFields(key: LabelKey, scope?: ParentNode): TextControl[] {
  const root = contentRoot();
  const labels = contentLabels().filter((l) => isLabelText(l.text, key) && (!scope || scope.contains(l.el)));
  return labels.map((l) => controlOf(l.el)).filter((c): c is TextControl => c !== null && inContent(c, root));
}

export function fieldByLabel(key: LabelKey, scope?: ParentNode): Found<TextControl> {
  return one(textFields(key, scope));
}

/**
 * The field labelled `key` nearest to `anchor`: the smallest ancestor of the anchor holding such a field
 * decides. Two there (a look-alike in the same section) is ambiguous; one elsewhere on the page is ignored.
 */
export function fieldNear(key: LabelKey, anchor: Element): Found<TextControl> {
  for (let scope: Element | null = anchor; scope && scope !== document.documentElement; scope = scope.parentElement) {
    const found = fieldByLabel(key, scope);
    if (found.status !== 'missing') return found;
  }
  return { status: 'missing' };
}

/** The visible text of whatever labels a control (aria-labelledby, else its wrapping label). */
function labelOf(control: Element): string {
  const ids = control.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  const first = ids.map((id) => document.getElementById(id)).find((el) => el !== null);
  if (first) return first.textContent ?? '';
  return control.closest('label')?.textContent ?? (control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent ?? '' : '');
}

/** A checkbox or radio button by its label (Cloudscape's AbstractSwitch labels its native input with aria-labelledby). */
export function switchByLabel(key: LabelKey, type: 'checkbox' | 'radio', scope?: ParentNode): Found<HTMLInputElement> {
  const inputs = inMain<HTMLInputElement>(`input[type="${type}"]`, scope);
  return one(inputs.filter((input) => isLabel(labelOf(input), key)));
}

/** A button whose own text is `key`. */
export function buttonByText(key: LabelKey, scope?: ParentNode): Found<HTMLElement> {
  const buttons = inMain<HTMLElement>('button, a[role="button"], input[type="button"], input[type="submit"]', scope);
  return one(buttons.filter((b) => isLabel(b instanceof HTMLInputElement ? b.value : b.textContent, key)));
}

/** The wizard's primary button (Next, or Create on the last step): by Cloudscape class, else by its text. */
export function wizardPrimaryButton(textKey: LabelKey): Found<HTMLElement> {
  const byClass = one(inMain<HTMLElement>(`button${CLOUDSCAPE.wizardPrimaryButton}`));
  return byClass.status === 'found' ? byClass : buttonByText(textKey);
}

/** A tab (role="tab") by its label. */
export function tabByLabel(key: LabelKey): Found<HTMLElement> {
  return one(inMain<HTMLElement>('[role="tab"]').filter((tab) => isLabel(tab.textContent, key)));
}

/** Error texts the console shows (form field errors, error alerts and flashes), bounded. */
export function errorTexts(): string[] {
  const selector = '[class*="awsui_error_14mhv_"], [class*="awsui_type-error_mx3cw_"], [class*="awsui_flash-type-error_1q84n_"], [role="alert"], [role="status"]';
  return [...document.querySelectorAll(selector)].filter(isVisible).map((el) => (el.textContent ?? '').slice(0, 500));
}

/** Whether the console says `name` already exists (IAM's EntityAlreadyExists, in the console's words). */
export function saysExists(name: string): boolean {
  const lower = name.toLowerCase();
  return errorTexts().some((text) => text.toLowerCase().includes(lower) && /already exists|exists|既に存在|すでに存在|bereits/i.test(text));
}

/**
 * Success flashes (e.g. "Policy dockercloud-policy created."): Cloudscape's, else (the 2016 console) a
 * visible element whose own short text says something was created.
 */
export function successFlashes(): HTMLElement[] {
  const flashes = [...document.querySelectorAll<HTMLElement>(CLOUDSCAPE.flashSuccess)].filter(isVisible);
  // The text fallback only on a page known to be the 2016 console (its "#policies"/"#roles" navigation): on the
  // current one, or before it has rendered, page text saying "… created." proves nothing.
  const legacy = document.querySelector('a[href="#policies"], a[href="#roles"]') !== null;
  if (flashes.length > 0 || !legacy) return flashes;
  return inMain<HTMLElement>('div, p, span').filter(
    (el) => el.childElementCount === 0 && /^\S+ \S+ (?:has been )?created\.?$/i.test(el.textContent?.trim() ?? '') && isVisible(el),
  );
}
