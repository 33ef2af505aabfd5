// Runs in the page's world, where Ace's `env.editor` is visible. On request from the content script it
// sets (or only checks) the text of the one code editor marked with the request's nonce, and answers
// "<nonce>:true|false".
// It also says when the console's router changed the URL with history.pushState/replaceState (no event).
import { EDITOR_REPLY, EDITOR_REQUEST, URL_HINT } from './editor-bridge';

for (const name of ['pushState', 'replaceState'] as const) {
  const original = history[name];
  history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
    original.apply(this, args);
    document.dispatchEvent(new Event(URL_HINT));
  };
}

interface AceEditor {
  setValue(text: string, cursor: number): void;
  getValue(): string;
}

document.addEventListener(EDITOR_REQUEST, (event) => {
  const detail: unknown = (event as CustomEvent<unknown>).detail;
  if (typeof detail !== 'string' || detail.length > 20000) return;
  let nonce = '';
  let ok = false;
  try {
    const request = JSON.parse(detail) as { nonce?: unknown; text?: unknown; mode?: unknown };
    if (typeof request.nonce !== 'string' || !/^[0-9a-f]{32}$/.test(request.nonce) || typeof request.text !== 'string') return;
    nonce = request.nonce;
    const host = document.querySelector(`[data-dockercloud-editor="${nonce}"]`);
    const editors = host ? host.querySelectorAll('.ace_editor') : [];
    const editor = editors.length === 1 ? (editors[0] as Element & { env?: { editor?: AceEditor } }).env?.editor : undefined;
    if (editor && typeof editor.setValue === 'function') {
      // "check" only reads: is the text still the one set (the component may have put its own back)?
      // "replace" sets it only over a document the editor already holds (its component's own, applied).
      const value = editor.getValue();
      const sets = request.mode === 'set' || (request.mode === 'replace' && value.trim() !== '');
      if (sets && value !== request.text) editor.setValue(request.text, -1);
      ok = editor.getValue() === request.text;
    }
  } catch {
    ok = false;
  }
  if (nonce) document.dispatchEvent(new CustomEvent(EDITOR_REPLY, { detail: `${nonce}:${ok}` }));
});
