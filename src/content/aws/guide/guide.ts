// The highlight around the next control to press and a callout saying what it does, drawn in a shadow
// root that never takes the page's clicks (pointer-events: none, except the callout's own buttons).
// Everything it listens to or observes ends with the page visit's AbortSignal.
import { t } from '../../../i18n';
import { GUIDE_CSS } from './style';

export interface GuideRow {
  label: string;
  value: string;
}

export interface GuideContent {
  /** Which page of the procedure this is: [n, of]. */
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
}

export interface Guide {
  /** Shows the callout, next to `target` with a ring around it, or in a corner without one. */
  show(content: GuideContent, target?: Element | null): void;
  hide(): void;
}

export const GUIDE_HOST_ID = 'dockercloud-aws-link-guide';
const GAP = 12;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

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

export function createGuide(signal: AbortSignal): Guide {
  const host = el('div', { id: GUIDE_HOST_ID });
  // Inline, so no page rule on div can move it or make it take clicks.
  host.style.cssText = 'all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483646;';
  const root = host.attachShadow({ mode: 'open' });
  const ring = el('div', { className: 'ring', hidden: true });
  const callout = el('div', { className: 'callout', hidden: true });
  callout.setAttribute('role', 'status');
  root.append(el('style', { textContent: GUIDE_CSS }), ring, callout);
  let target: Element | null = null;
  let frame = 0;
  // Layout changes move the target without resizing it: follow mutations and finished transitions too.
  const resize = new ResizeObserver(() => schedule());
  const mutations = new MutationObserver(() => schedule());

  const place = () => {
    frame = 0;
    if (callout.hidden) return;
    const rect = target?.isConnected ? target.getBoundingClientRect() : null;
    const visible = rect !== null && rect.width > 0 && rect.height > 0;
    ring.hidden = !visible;
    const box = callout.getBoundingClientRect();
    let top: number;
    let left: number;
    if (rect && visible) {
      Object.assign(ring.style, {
        top: `${rect.top - 5}px`,
        left: `${rect.left - 5}px`,
        width: `${rect.width + 4}px`,
        height: `${rect.height + 4}px`,
      });
      // Beside the control, never over it: below if there is room, else above, else to its left.
      if (rect.bottom + GAP + box.height <= innerHeight) top = rect.bottom + GAP;
      else if (rect.top - GAP - box.height >= 0) top = rect.top - GAP - box.height;
      else top = Math.max(GAP, Math.min(rect.top, innerHeight - box.height - GAP));
      left = Math.min(Math.max(GAP, rect.right - box.width), innerWidth - box.width - GAP);
      if (top < rect.bottom && top + box.height > rect.top) left = Math.max(GAP, rect.left - box.width - GAP);
    } else {
      top = innerHeight - box.height - GAP * 2;
      left = innerWidth - box.width - GAP * 2;
    }
    callout.style.top = `${Math.max(GAP, top)}px`;
    callout.style.left = `${Math.max(GAP, left)}px`;
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
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !callout.hidden) hide();
  };
  // Gone once pressed: the click still reaches the page untouched.
  const onClick = (event: MouseEvent) => {
    if (target && event.target instanceof Node && target.contains(event.target)) hide();
  };
  const follow = ['scroll', 'resize', 'transitionend', 'animationend'];
  for (const type of follow) addEventListener(type, schedule, { capture: true, passive: true });
  addEventListener('keydown', onKey, true);
  document.addEventListener('click', onClick, true);
  signal.addEventListener(
    'abort',
    () => {
      hide();
      cancelAnimationFrame(frame);
      for (const type of follow) removeEventListener(type, schedule, { capture: true });
      removeEventListener('keydown', onKey, true);
      document.removeEventListener('click', onClick, true);
      host.remove();
    },
    { once: true },
  );

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

  return {
    hide,
    show(content, next = null) {
      if (signal.aborted) return;
      if (!host.isConnected) document.documentElement.append(host);
      const parts: Node[] = [];
      if (content.step) parts.push(el('div', { className: 'step', textContent: t('guideStep', String(content.step[0]), String(content.step[1])) }));
      parts.push(el('div', { className: 'title', textContent: content.title }));
      for (const line of content.lines ?? []) parts.push(el('div', { textContent: line }));
      if (content.problems?.length) parts.push(el('ul', {}, ...content.problems.map((p) => el('li', { textContent: p }))));
      if (content.filled?.length) parts.push(el('div', { className: 'label', textContent: t('guideFilled') }), rows(content.filled, false));
      if (content.copy?.length) parts.push(el('div', { className: 'label', textContent: t('guideCopyThese') }), rows(content.copy, true));
      const dismiss = el('button', { type: 'button', className: 'quiet', textContent: t('guideDismiss') });
      dismiss.addEventListener('click', hide);
      const actions = (content.actions ?? []).map((action) => {
        const button = el('button', { type: 'button', textContent: action.label });
        button.addEventListener('click', action.run);
        return button;
      });
      parts.push(el('div', { className: 'actions' }, ...actions, dismiss));
      callout.replaceChildren(...parts);
      callout.dataset.tone = content.tone ?? 'info';
      callout.hidden = false;
      host.dataset.state = 'shown';
      resize.disconnect();
      mutations.disconnect();
      target = next;
      if (target) resize.observe(target);
      resize.observe(document.documentElement);
      mutations.observe(document.body, { childList: true, subtree: true, attributes: true });
      place();
    },
  };
}
