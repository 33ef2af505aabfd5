// The IAM replica's recorder: every value that reaches one of its controls, when it does (input and change
// events, the policy editor's own changes), and every primary button pressed with the page's controls as they
// stand at that moment. Batches go to the replica server (its state's `inputs` and `presses`), so a test can
// say what happened on the page at any instant, not only what the page shows when the test looks.
import type { RecordedControl, RecordedInput, RecordedPress } from '../state';

declare global {
  interface Window {
    /** Every visible control of the page, described as the recorder does (for tests that read the page). */
    __replicaControls?: () => RecordedControl[];
  }
}

type Field = HTMLInputElement | HTMLTextAreaElement;
interface AceHost extends Element {
  env?: { editor?: { getValue(): string; on(event: 'change', listener: () => void): void } };
}

/** Inputs that hold no value of their own. */
const NOT_CONTROLS = ['button', 'submit', 'hidden'];

function labelOf(el: Field): string {
  const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  if (byFor) return byFor.textContent ?? '';
  const ids = el.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  if (ids.length > 0) return document.getElementById(ids[0] ?? '')?.textContent ?? '';
  return el.closest('label')?.textContent ?? el.getAttribute('aria-label') ?? el.placeholder ?? '';
}

function describe(el: Field): RecordedControl {
  const label = labelOf(el).replace(/\s+/g, ' ').trim();
  const check = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
  return {
    label,
    lookalike: el.closest('[data-replica-lookalike], [data-testid^="awsc-"]') !== null,
    search: el.type === 'search' || /filter/i.test(label),
    kind: check ? 'check' : 'text',
    value: check ? String((el as HTMLInputElement).checked) : el.value,
  };
}

const editorOf = (host: Element) => (host as AceHost).env?.editor;
const editorControl = (value: string): RecordedControl => ({ label: 'Policy editor', lookalike: false, search: false, kind: 'editor', value });

/** Every visible control: text fields and boxes (the editor's hidden textarea aside), then the editors. */
function controls(): RecordedControl[] {
  const fields = [...document.querySelectorAll<Field>('input, textarea')]
    .filter((el) => el.getClientRects().length > 0 && !el.closest('.ace_editor') && !NOT_CONTROLS.includes(el.type))
    .map(describe);
  const editors = [...document.querySelectorAll('.ace_editor')].flatMap((host) => {
    const editor = editorOf(host);
    return editor ? [editorControl(editor.getValue())] : [];
  });
  return [...fields, ...editors];
}

export function startRecording(): void {
  window.__replicaControls = controls;
  const inputs: RecordedInput[] = [];
  const presses: RecordedPress[] = [];
  let flushing = false;
  const now = () => Math.round((performance.timeOrigin + performance.now()) * 10) / 10;
  const flush = () => {
    flushing = false;
    if (inputs.length === 0 && presses.length === 0) return;
    const body = JSON.stringify({ inputs: inputs.splice(0), presses: presses.splice(0) });
    void fetch('/__replica/record', { method: 'POST', body, keepalive: true, headers: { 'content-type': 'application/json' } }).catch(() => undefined);
  };
  const later = () => {
    if (flushing) return;
    flushing = true;
    setTimeout(flush, 0);
  };

  const onValue = (event: Event) => {
    const el = event.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || el.closest('.ace_editor') || NOT_CONTROLS.includes(el.type)) return;
    inputs.push({ ...describe(el), at: now(), url: location.href });
    later();
  };
  document.addEventListener('input', onValue, true);
  document.addEventListener('change', onValue, true);

  // The editor sets its text without DOM events: its own change events say when, one record per burst.
  const watched = new WeakSet<Element>();
  const watchEditors = () => {
    for (const host of document.querySelectorAll('.ace_editor')) {
      const editor = editorOf(host);
      if (!editor || watched.has(host)) continue;
      watched.add(host);
      let queued = false;
      editor.on('change', () => {
        if (queued) return;
        queued = true;
        queueMicrotask(() => {
          queued = false;
          inputs.push({ ...editorControl(editor.getValue()), at: now(), url: location.href });
          later();
        });
      });
    }
  };
  new MutationObserver(watchEditors).observe(document, { childList: true, subtree: true });

  // Primary buttons (the console's Next, Create, Save; the 2016 console's blue buttons), when pressed.
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (!button || !/primary/.test(button.className)) return;
      presses.push({ at: now(), url: location.href, button: (button.textContent ?? '').trim(), controls: controls() });
      later();
    },
    true,
  );
  addEventListener('pagehide', flush);
}
