// Waiting for console controls that render late, with a MutationObserver that is always disconnected.
// The console mutates thousands of nodes a second: a wait looks again only on the kinds of change it names,
// spaces its looks by what they cost (at most 2 % of the main thread), and never outlives its page visit
// (signal) or its timeout.
import { lookAt } from './find';

export interface WaitOptions {
  signal: AbortSignal;
  /** Milliseconds before giving up (the console can take seconds after a navigation). */
  timeout?: number;
  /** Also look again on attribute changes (a control shown by a class or `hidden`, a tab selected). */
  attributes?: boolean;
  /** Look again only when a batch of changes could matter (e.g. it touches text with ":role/"). */
  relevant?: (records: MutationRecord[]) => boolean;
}

export const DEFAULT_TIMEOUT = 8000;
/** How long a region must go without elements added or removed to count as settled (a React commit is one task). */
export const QUIET_MS = 24;
/** After a look that took d ms, the next waits until d / LOOK_SHARE ms after it began. */
const LOOK_SHARE = 0.02;
/** What a look is counted as costing at least (performance.now() is coarse in content scripts): 5 ms apart. */
const LOOK_MIN_MS = 0.1;
// The attributes that show, hide or select a control; style and class churn elsewhere is not watched.
const SHOWING = ['class', 'style', 'hidden', 'aria-selected', 'aria-pressed', 'aria-hidden', 'open', 'disabled'];

/**
 * Calls `look` after changes to the page (of the kinds named), never more often than its cost allows: a
 * cheap look runs again within 5 ms, one that forced a 1 ms style recalculation 50 ms later. A look is
 * immediate (in the microtasks of the task that changed the page) unless the last one was too recent.
 * Returns the function that stops watching.
 */
export function watchPage(look: () => void, { attributes = false, relevant }: Pick<WaitOptions, 'attributes' | 'relevant'> = {}): () => void {
  let nextLook = -Infinity;
  let queued = false;
  let later = 0;
  const run = () => {
    queued = false;
    later = 0;
    const began = performance.now();
    lookAt(look);
    nextLook = began + Math.max(performance.now() - began, LOOK_MIN_MS) / LOOK_SHARE;
  };
  const observer = new MutationObserver((records) => {
    if (queued || (relevant && !relevant(records))) return;
    queued = true;
    const wait = nextLook - performance.now();
    if (wait <= 0) queueMicrotask(run);
    // A timer, not an animation frame: frames pause in background tabs.
    else later = window.setTimeout(run, wait);
  });
  // The document itself: the engine can start before the page has its root element's content.
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    characterDataOldValue: relevant !== undefined,
    ...(attributes ? { attributes: true, attributeFilter: SHOWING } : {}),
  });
  return () => {
    observer.disconnect();
    clearTimeout(later);
    queued = true;
  };
}

/** Resolves with the first truthy `find()`, or null on timeout or abort. */
export function waitFor<T>(find: () => T | null | undefined | false, { signal, timeout = DEFAULT_TIMEOUT, attributes = false, relevant }: WaitOptions): Promise<T | null> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(null);
    const first = find();
    if (first) return resolve(first);
    let finished = false;
    const stop = watchPage(
      () => {
        const found = find();
        if (found) done(found);
      },
      { attributes, relevant },
    );
    const onAbort = () => done(null);
    const timer = setTimeout(() => done(find() || null), timeout);
    function done(value: T | null) {
      if (finished) return;
      finished = true;
      stop();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves once `region` has gone `quietMs` without an element added or removed (a step that renders its
 * sections one after another is not settled until the last is in), at most after `maxMs`.
 */
export function quiet(region: Node, signal: AbortSignal, quietMs = QUIET_MS, maxMs = 1500): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    let timer = setTimeout(done, quietMs);
    const cap = setTimeout(done, maxMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    observer.observe(region, { childList: true, subtree: true });
    signal.addEventListener('abort', done, { once: true });
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(cap);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Whether a batch of changes added, removed or rewrote text containing `needle`. */
export const touchesText =
  (needle: string) =>
  (records: MutationRecord[]): boolean =>
    records.some((r) =>
      r.type === 'characterData'
        ? (r.target.nodeValue ?? '').includes(needle) || (r.oldValue ?? '').includes(needle)
        : [...r.addedNodes, ...r.removedNodes].some((node) => (node.textContent ?? '').includes(needle)),
    );

/**
 * Lets React commit and the browser lay out (two frames, at most 100 ms): once per page, before the
 * values set are checked a last time and the guide is drawn. Ends early with the visit.
 */
export const settle = (signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    let frame = 0;
    const end = () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      signal?.removeEventListener('abort', end);
      resolve();
    };
    // Animation frames pause in background tabs; the timer does not.
    const timer = setTimeout(end, 100);
    frame = requestAnimationFrame(() => (frame = requestAnimationFrame(end)));
    signal?.addEventListener('abort', end, { once: true });
  });

/** Calls `onFound` once, when `find()` first returns something, for as long as the page visit lasts. */
export function whenever<T>(find: () => T | null | undefined | false, signal: AbortSignal, onFound: (value: T) => void): void {
  void waitFor(find, { signal, timeout: 24 * 60 * 60 * 1000 }).then((value) => {
    if (value && !signal.aborted) onFound(value);
  });
}
