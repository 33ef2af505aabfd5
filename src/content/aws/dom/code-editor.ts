// The policy editor's text. Ace keeps its editor on `.ace_editor`'s `env`, visible only from the page's
// world: the MAIN-world script sets (or only checks) it and answers true/false; what it says is then
// checked here against the rows the editor draws. A plain textarea (legacy page, non-Ace editor) is set directly.
import { EDITOR_REPLY, EDITOR_REQUEST } from '../editor-bridge';
import { setText } from './controls';
import { settle, waitFor } from './wait';

/** What the page world does with the text: sets it, sets it only over the editor's own document, or only compares. */
type EditorMode = 'set' | 'replace' | 'check';

function askPageWorld(editor: Element, text: string, mode: EditorMode, signal: AbortSignal): Promise<boolean> {
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
    document.dispatchEvent(new CustomEvent(EDITOR_REQUEST, { detail: JSON.stringify({ nonce, text, mode }) }));
  });
}

const normalizeLine = (line: string) => line.replace(/\u00a0/g, ' ').trimEnd();
const rows = (ace: Element) => [...ace.querySelectorAll('.ace_text-layer > .ace_line_group, .ace_text-layer > .ace_line')];

/** Whether the rows Ace renders are consecutive lines of `text` (Ace renders only the visible rows). */
export function aceShows(ace: Element, text: string): boolean {
  const shown = rows(ace).map((row) => normalizeLine(row.textContent ?? ''));
  const lines = text.split('\n').map(normalizeLine);
  if (shown.length === 0) return false;
  const start = lines.indexOf(shown[0] ?? '');
  if (start === -1) return false;
  return start + shown.length <= lines.length && shown.every((row, i) => row === lines[start + i]);
}

/** A code editor as Filling drives it: set once its component has applied its own value, and checked while held. */
export interface EditorControl {
  apply(): Promise<boolean>;
  holds(): Promise<boolean>;
}

export function codeEditor(editor: Element, text: string, signal: AbortSignal): EditorControl {
  const ace = () => editor.querySelector('.ace_editor');
  const area = () => {
    const areas = editor.querySelectorAll('textarea');
    return areas.length === 1 ? areas[0] : undefined;
  };
  // Ace draws its rows on its own frame: the text is confirmed once it has drawn.
  const drawn = async (el: Element) => {
    for (let i = 0; i < 10 && !signal.aborted; i++) {
      if (aceShows(el, text)) return true;
      await settle(signal);
    }
    return false;
  };
  let ownValueApplied = false;
  return {
    async apply() {
      const el = ace();
      if (el) {
        // The component puts its own document in after the editor exists (an effect, once Ace loaded): ours
        // goes over it at once when the editor already holds it, else once the editor has drawn some. A
        // component that puts its own back later is answered by fill-and-hold (Filling).
        let set = false;
        if (!ownValueApplied) {
          set = await askPageWorld(editor, text, 'replace', signal);
          if (!set) await waitFor(() => rows(el).some((row) => (row.textContent ?? '').trim() !== ''), { signal, timeout: 3000 });
          ownValueApplied = true;
        }
        return (set || (await askPageWorld(editor, text, 'set', signal))) && (await drawn(el));
      }
      const textarea = area();
      return textarea !== undefined && setText(textarea, text);
    },
    async holds() {
      const el = ace();
      if (el) return (await askPageWorld(editor, text, 'check', signal)) && aceShows(el, text);
      return area()?.value === text;
    },
  };
}
