// Setting the policy editor's text. Ace keeps its editor on `.ace_editor`'s `env`, visible only from the
// page's world: the MAIN-world script sets it and answers true/false; what it says is then checked here
// against the text the editor shows. A plain textarea (legacy page, non-Ace editor) is set directly.
import { EDITOR_REPLY, EDITOR_REQUEST } from '../editor-bridge';
import { setText } from './controls';
import { settle } from './wait';

function askPageWorld(editor: Element, text: string, signal: AbortSignal): Promise<boolean> {
  const nonce = crypto.randomUUID().replace(/-/g, '');
  editor.setAttribute('data-dockercloud-editor', nonce);
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      document.removeEventListener(EDITOR_REPLY, onReply);
      editor.removeAttribute('data-dockercloud-editor');
      resolve(ok);
    };
    const onReply = (event: Event) => {
      const detail: unknown = (event as CustomEvent<unknown>).detail;
      // Page-world input: only a short string with our nonce and a boolean is accepted.
      if (typeof detail !== 'string' || detail.length > 200) return;
      if (detail === `${nonce}:true` || detail === `${nonce}:false`) finish(detail.endsWith(':true'));
    };
    const onAbort = () => finish(false);
    const timer = setTimeout(onAbort, 1500);
    signal.addEventListener('abort', onAbort, { once: true });
    document.addEventListener(EDITOR_REPLY, onReply);
    document.dispatchEvent(new CustomEvent(EDITOR_REQUEST, { detail: JSON.stringify({ nonce, text }) }));
  });
}

const normalizeLine = (line: string) => line.replace(/\u00a0/g, ' ').trimEnd();

/** Whether the rows Ace renders are consecutive lines of `text` (Ace renders only the visible rows). */
export function aceShows(ace: Element, text: string): boolean {
  const groups = ace.querySelectorAll('.ace_text-layer > .ace_line_group, .ace_text-layer > .ace_line');
  const shown = [...groups].map((row) => normalizeLine(row.textContent ?? ''));
  const lines = text.split('\n').map(normalizeLine);
  if (shown.length === 0) return false;
  const start = lines.indexOf(shown[0] ?? '');
  if (start === -1) return false;
  return start + shown.length <= lines.length && shown.every((row, i) => row === lines[start + i]);
}

/**
 * Sets the code editor to `text`; false when neither way could be confirmed (the caller shows the copy
 * fallback). Ace draws its rows on its own frame: its text is checked once it has drawn.
 */
export async function setCodeEditor(editor: Element, text: string, signal: AbortSignal): Promise<boolean> {
  const ace = editor.querySelector('.ace_editor');
  if (ace) {
    if (!(await askPageWorld(editor, text, signal))) return false;
    for (let i = 0; i < 10 && !signal.aborted; i++) {
      await settle(signal);
      if (aceShows(ace, text)) return true;
    }
    return false;
  }
  const areas = [...editor.querySelectorAll('textarea')];
  if (areas.length !== 1 || !areas[0] || !setText(areas[0], text)) return false;
  await settle(signal);
  return areas[0].isConnected && areas[0].value === text;
}
