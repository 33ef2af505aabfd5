// The ring around the next control to press (or the field to fix) and a callout saying what to do, drawn in a
// closed shadow root kept in this closure: the page can neither read nor rewrite the extension's words, nor
// press its buttons. It never takes the page's clicks (pointer-events: none, except the callout's buttons).
// Everything it listens to or observes ends with the page visit's AbortSignal.
import browser from '../../../browser';
import type { GuideRequest } from '../../../core/schemas';
import { t } from '../../../i18n';
import { quotedName } from './name';
import { chooseSpot, type Box, type Choice } from './place';
import { GUIDE_CSS } from './style';

export interface GuideRow {
  label: string;
  value: string;
}

export interface GuideContent {
  /** Where the user is in the popup's checklist: [n, of]. */
  step?: readonly [number, number];
  title: string;
  lines?: string[];
  /** What the extension filled in, shown so the user can check it. */
  filled?: GuideRow[];
  /** Fields that could not be identified with certainty: the value, with a copy button. */
  copy?: GuideRow[];
  problems?: string[];
  tone?: 'info' | 'success' | 'error';
  actions?: { label: string; run: () => void }[];
  /**
   * A field the extension could not fill: ringed instead of the button, which the callout still names
   * ("…, then press «Next»"). null: a value is left to the user but its field could not be identified, so
   * nothing is ringed. Absent: nothing to fix, the button is ringed.
   */
  fix?: Element | null;
}

export interface Guide {
  /** Shows the callout next to `target` (the control to press next) with a ring around it, or in a corner without one. */
  show(content: GuideContent, target?: Element | null): void;
  hide(): void;
}

export const GUIDE_HOST_ID = 'dockercloud-aws-link-guide';
const PRESSABLE = 'button,a[href],[role=button],[role=link],input[type=submit]';
const FIELDS = 'input:not([type=hidden]),textarea,select,[role=textbox],[role=combobox]';
/** The callout's widths, widest first. */
const WIDTHS = [360, 300, 240];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The name a control shows on the page ("Richtlinie erstellen"), quoted safely; null when it shows none. */
const shownName = (control: Element): string | null => quotedName((control instanceof HTMLInputElement ? control.value : control.textContent) ?? '');

async function copy(value: string, button: HTMLButtonElement, shown: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(value);
    button.textContent = t('guideCopied');
  } catch {
    // No clipboard access: select the value so Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents(shown);
    const selection = shown.ownerDocument.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    button.textContent = t('guideCopyManually');
  }
}

/** The fields on screen with their labels and hints: what the callout must not cover. */
function fieldsOnScreen(except: Element | null): Box[] {
  const boxes: Box[] = [];
  // Off-screen and empty boxes overlap nothing: no need to filter them out.
  const add = (node: Element | null) => {
    if (node && node !== except) boxes.push(node.getBoundingClientRect());
  };
  for (const field of document.querySelectorAll(FIELDS)) {
    if (field === except) continue;
    add(field);
    for (const label of (field as HTMLInputElement).labels ?? []) add(label);
    for (const id of `${field.getAttribute('aria-labelledby')} ${field.getAttribute('aria-describedby')}`.split(' ')) add(document.getElementById(id));
  }
  return boxes;
}

export function createGuide(signal: AbortSignal): Guide {
  const host = el('div', { id: GUIDE_HOST_ID });
  // Inline, so no page rule on div can move it or make it take clicks.
  host.style.cssText = 'all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483646';
  const root = host.attachShadow({ mode: 'closed' });
  const ring = el('div', { className: 'ring', hidden: true });
  const callout = el('div', { className: 'callout', hidden: true });
  // The text only: a live region that held the buttons would read them out on every change.
  const status = el('div');
  status.setAttribute('role', 'status');
  const rest = el('div');
  callout.append(status, rest);
  root.append(el('style', { textContent: GUIDE_CSS }), ring, callout);
  /** The control to press next, and what is ringed (it, a field to fix, or nothing). */
  let target: Element | null = null;
  let ringed: Element | null = null;
  let shown: { content: GuideContent; target: Element | null } | null = null;
  let frame = 0;
  // Layout changes move the target without resizing it: follow mutations and finished transitions too.
  const resize = new ResizeObserver(() => schedule());
  const mutations = new MutationObserver(() => schedule());

  const place = () => {
    frame = 0;
    if (callout.hidden) return;
    const rect = ringed?.isConnected ? ringed.getBoundingClientRect() : null;
    const visible = rect !== null && rect.width > 0 && rect.height > 0;
    ring.hidden = !visible;
    if (rect && visible) ring.style.cssText = `top:${rect.top - 5}px;left:${rect.left - 5}px;width:${rect.width + 4}px;height:${rect.height + 4}px`;
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    const view = { width, height };
    const around = visible ? rect : null;
    const keepClear = fieldsOnScreen(ringed);
    // A narrower callout fits the margin beside a form column: tried when the widest one would cover a field
    // or be sent to a corner, away from the ring.
    const better = (a: Choice, b: Choice) => a.covered < b.covered || (a.covered === b.covered && a.near && !b.near);
    let best: { width: number; spot: Choice } | null = null;
    for (const width of WIDTHS) {
      callout.style.width = `${width}px`;
      const spot = chooseSpot(around, callout.getBoundingClientRect(), view, keepClear);
      if (!best || better(spot, best.spot)) best = { width, spot };
      if (spot.covered === 0 && (spot.near || !around)) break;
    }
    if (!best) return;
    callout.style.width = `${best.width}px`;
    callout.style.top = `${best.spot.top}px`;
    callout.style.left = `${best.spot.left}px`;
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };

  const hide = () => {
    ring.hidden = true;
    callout.hidden = true;
    host.dataset.state = 'hidden';
    resize.disconnect();
    mutations.disconnect();
    target = null;
    ringed = null;
  };
  /** Dismissed from the keyboard: focus goes where the guide pointed, not to the top of the page. */
  const dismiss = () => {
    const next = ringed as HTMLElement | null;
    hide();
    next?.focus?.();
  };

  // Esc closes the guide only when focus is in it: an Esc that closes the console's own dropdown is not for us.
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape' && !callout.hidden) {
      event.stopPropagation();
      dismiss();
    }
  });
  // Gone once the control it points at is pressed: the click still reaches the page untouched.
  const onClick = (event: MouseEvent) => {
    if (target && ringed === target && event.target instanceof Node && target.contains(event.target)) hide();
  };
  // The popup (opened by click or by its keyboard shortcut) asks for the guide again after a dismissal.
  const onMessage = (message: unknown, sender: browser.Runtime.MessageSender) => {
    // Checked by hand, as guideRequestSchema would: zod stays out of the content script (see answers.ts).
    const kind: GuideRequest['kind'] = 'showGuide';
    if (sender.id === browser.runtime.id && (message as { kind?: unknown } | null)?.kind === kind && shown && callout.hidden) render(shown.content, shown.target);
  };
  for (const type of ['scroll', 'resize', 'transitionend', 'animationend']) addEventListener(type, schedule, { capture: true, passive: true, signal });
  document.addEventListener('click', onClick, { capture: true, signal });
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    hide();
    cancelAnimationFrame(frame);
    browser.runtime.onMessage.removeListener(onMessage);
    host.remove();
  });

  const rows = (rows: GuideRow[], withCopy: boolean) =>
    el(
      'div',
      { className: withCopy ? 'copy' : 'filled' },
      ...rows.map((row) => {
        const value = el('code', { textContent: row.value });
        const line = el('div', { className: 'row' }, el('span', { className: 'label', textContent: `${row.label}:` }), value);
        if (withCopy) {
          const button = el('button', { type: 'button', textContent: t('guideCopy') });
          button.setAttribute('aria-label', t('guideCopyLabel', row.label));
          button.addEventListener('click', () => void copy(row.value, button, value));
          line.append(button);
        }
        return line;
      }),
    );

  /** What to press, in the page's own words: "Press «Weiter»" on a German console. */
  const pressLines = (content: GuideContent, next: Element | null): string[] => {
    const control = next?.closest(PRESSABLE) ?? null;
    const name = control && shownName(control);
    const press = name ? [t('guidePress', name)] : [];
    return content.fix === undefined ? press : [t(content.fix ? 'guideFixField' : 'guideFixValues'), ...press];
  };

  const render = (content: GuideContent, next: Element | null) => {
    // A fill still waiting for its frame would put back the previous text.
    cancelAnimationFrame(frame);
    frame = 0;
    const text: Node[] = [];
    const step = content.step;
    if (step) text.push(el('div', { className: 'step', textContent: t('guideStep', String(step[0]), String(step[1])) }));
    for (const line of pressLines(content, next)) text.push(el('div', { className: 'press', textContent: line }));
    text.push(el('div', { className: 'title', textContent: content.title }));
    for (const line of content.lines ?? []) text.push(el('div', { textContent: line }));
    if (content.problems?.length) text.push(el('ul', {}, ...content.problems.map((p) => el('li', { textContent: p }))));
    if (content.filled?.length) text.push(el('div', { className: 'label', textContent: t('guideFilled') }), rows(content.filled, false));
    const more: Node[] = [];
    if (content.copy?.length) more.push(el('div', { className: 'label', textContent: t('guideCopyThese') }), rows(content.copy, true));
    const close = el('button', { type: 'button', className: 'quiet', textContent: t('guideDismiss') });
    close.addEventListener('click', dismiss);
    const actions = (content.actions ?? []).map((action) => {
      const button = el('button', { type: 'button', textContent: action.label });
      button.addEventListener('click', action.run);
      return button;
    });
    more.push(el('div', { className: 'actions' }, ...actions, close));
    rest.replaceChildren(...more);
    callout.dataset.tone = content.tone ?? 'info';
    shown = { content, target: next };
    target = next;
    ringed = content.fix === undefined ? next : content.fix;
    resize.disconnect();
    mutations.disconnect();
    if (ringed) resize.observe(ringed);
    resize.observe(document.documentElement);
    resize.observe(callout);
    mutations.observe(document.body, { childList: true, subtree: true, attributes: true });
    callout.hidden = false;
    const fill = () => {
      status.replaceChildren(...text);
      host.dataset.state = 'shown';
      place();
    };
    if (host.isConnected) return fill();
    // A live region announces changes, not its first content: it goes in empty and is filled a frame later.
    status.replaceChildren();
    document.documentElement.append(host);
    frame = requestAnimationFrame(fill);
  };

  return {
    hide,
    show(content, next = null) {
      if (!signal.aborted) render(content, next);
    },
  };
}
