// The popup's only link to state: ask the background once, then follow its stateChanged broadcasts.
import { useEffect, useState } from 'preact/hooks';
import browser from '../browser';
import type { Problem } from '../core/problem';
import { popupViewSchema, roleVerdictSchema, stateChangedSchema, type PopupRequest, type PopupView } from '../core/schemas';

export type Loaded = { status: 'loading' } | { status: 'ready'; view: PopupView } | { status: 'failed' };

const fromBackground = (sender: browser.Runtime.MessageSender): boolean =>
  sender.id === browser.runtime.id && sender.tab === undefined && (sender.url ?? '').startsWith(browser.runtime.getURL(''));

export function useBackgroundState(): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    // Content scripts' messages to the background reach this page too: only the background's broadcast counts.
    const onMessage = (message: unknown, sender: browser.Runtime.MessageSender): undefined => {
      if (!fromBackground(sender)) return undefined;
      const changed = stateChangedSchema.safeParse(message);
      if (!changed.success) return undefined;
      setLoaded((prev) => ({
        status: 'ready',
        view: {
          state: changed.data.state,
          dockerTask: changed.data.dockerTask !== undefined ? changed.data.dockerTask : prev.status === 'ready' ? prev.view.dockerTask : null,
          recovered: changed.data.recovered ?? null,
          lostLinks: changed.data.lostLinks ?? [],
        },
      }));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.runtime
      .sendMessage({ kind: 'getState' } satisfies PopupRequest)
      .then((reply: unknown) => {
        const view = popupViewSchema.safeParse(reply);
        setLoaded((prev) => (prev.status === 'ready' ? prev : view.success ? { status: 'ready', view: view.data } : { status: 'failed' }));
      })
      .catch(() => setLoaded({ status: 'failed' }));
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  return loaded;
}

/** Sends a request; the answer is the problems that stopped it (empty: done). State arrives by broadcast. */
export async function request(message: PopupRequest): Promise<Problem[]> {
  try {
    const reply = roleVerdictSchema.safeParse(await browser.runtime.sendMessage(message));
    return reply.success ? reply.data.problems : [{ message: 'popupNoAnswer' }];
  } catch {
    return [{ message: 'popupNoAnswer' }];
  }
}
