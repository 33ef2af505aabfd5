// A small status note at the bottom centre, clear of both layouts' navigation and the app's own toasts, in
// its own closed shadow root: the page's styles and ours stay apart, and the page's scripts cannot reach in to
// rewrite the extension's words or press its buttons. Text only: nothing is parsed as HTML.
import { t } from '../../i18n';

export type Tone = 'busy' | 'ok' | 'problem';

const STYLE = `
:host { all: initial; }
.toast { position: fixed; left: 50%; transform: translateX(-50%); bottom: 16px; z-index: 2147483647; max-width: 380px; box-sizing: border-box;
  display: flex; gap: 10px; align-items: flex-start; padding: 10px 12px; border-radius: 6px; background: #fff;
  color: #1d2a33; font: 13px/1.45 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.18); border-left: 4px solid #1488c6; }
.ok { border-left-color: #2e9e44; } .problem { border-left-color: #d9822b; }
.body { flex: 1; overflow-wrap: anywhere; }
code { display: block; margin: 6px 0; font-size: 12px; user-select: all; }
button { font: inherit; cursor: pointer; border: 1px solid #c8d3da; border-radius: 4px; background: #f5f8fa; padding: 2px 8px; }
.close { border: none; background: none; font-size: 16px; line-height: 1; padding: 0 2px; color: #5d707c; }
`;

let host: HTMLElement | null = null;
/** A success note goes by itself: Docker Cloud's page already shows the link (the plug turns green). */
const SUCCESS_NOTE_MS = 8000;

/** Replaces the note; `copy` adds the value and a button to copy it, for doing the step by hand. */
export function showToast(text: string, tone: Tone, copy?: string): void {
  host?.remove();
  host = document.createElement('div');
  host.dataset.dockercloudAwsLinkToast = tone;
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = el('div', `toast ${tone}`);
  box.setAttribute('role', tone === 'problem' ? 'alert' : 'status');
  const body = el('div', 'body', text);
  if (copy !== undefined) {
    const button = el('button', '', t('dockerToastCopy'));
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText(copy).then(() => (button.textContent = t('dockerToastCopied')));
    });
    body.append(el('code', '', copy), button);
  }
  const close = el('button', 'close', '×');
  close.setAttribute('aria-label', t('dockerToastClose'));
  close.addEventListener('click', () => host?.remove());
  box.append(body, close);
  root.append(style, box);
  document.documentElement.append(host);
  if (tone === 'ok') closeLater(host, box);
}

/** Removes the note after a while, held open while the user points at it or has focus in it. */
function closeLater(note: HTMLElement, box: HTMLElement): void {
  let timer = setTimeout(() => note.remove(), SUCCESS_NOTE_MS);
  const hold = () => clearTimeout(timer);
  const release = () => {
    clearTimeout(timer);
    timer = setTimeout(() => note.remove(), SUCCESS_NOTE_MS);
  };
  box.addEventListener('pointerenter', hold);
  box.addEventListener('pointerleave', release);
  box.addEventListener('focusin', hold);
  box.addEventListener('focusout', release);
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
