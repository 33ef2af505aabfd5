// Waiting for console controls that render late, with a MutationObserver that is always disconnected.

export interface WaitOptions {
  signal: AbortSignal;
  /** Milliseconds before giving up (the console can take seconds after a navigation). */
  timeout?: number;
}

export const DEFAULT_TIMEOUT = 8000;

/** Resolves with the first truthy `find()`, or null on timeout or abort. */
export function waitFor<T>(find: () => T | null | undefined | false, { signal, timeout = DEFAULT_TIMEOUT }: WaitOptions): Promise<T | null> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(null);
    const first = find();
    if (first) return resolve(first);
    let queued = false;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        const found = find();
        if (found) done(found);
      });
    });
    const onAbort = () => done(null);
    const timer = setTimeout(() => done(find() || null), timeout);
    function done(value: T | null) {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    }
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Lets React commit and the browser lay out before reading back what was set. */
export const settle = (): Promise<void> =>
  new Promise((resolve) => {
    // Animation frames pause in background tabs; the timer does not.
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(timer), resolve())));
  });

/** Calls `onFound` once, when `find()` first returns something, for as long as the page visit lasts. */
export function whenever<T>(find: () => T | null | undefined | false, signal: AbortSignal, onFound: (value: T) => void): void {
  void waitFor(find, { signal, timeout: 24 * 60 * 60 * 1000 }).then((value) => {
    if (value && !signal.aborted) onFound(value);
  });
}
