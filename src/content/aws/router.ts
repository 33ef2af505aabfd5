// Runs the page module matching the current IAM route, again after each hash navigation, each time
// with a fresh AbortController: a page's listeners, observers and guide end with its visit.
import { createGuide } from './guide/guide';
import { openOnLegacyConsole } from './legacy-console';
import { getPlan } from './messages';
import type { ConsolePage } from './page';
import { iamRoute } from './routes';

export function startRouter(pages: ConsolePage[]): void {
  let visit: AbortController | null = null;
  let visitKey = '';

  const onNavigate = () => {
    const url = new URL(location.href);
    const route = iamRoute(url);
    const page = route && pages.find((p) => p.matches(url));
    const key = page && route ? `${page.id}|${page.visitKey?.(route) ?? url.href}` : '';
    if (key !== '' && key === visitKey) return;
    visitKey = key;
    visit?.abort();
    visit = null;
    if (!route || !page) return;
    const controller = new AbortController();
    visit = controller;
    void run(page, route, controller.signal);
  };

  const run = async (page: ConsolePage, route: NonNullable<ReturnType<typeof iamRoute>>, signal: AbortSignal) => {
    const plan = await getPlan();
    // No link in progress: the page is left alone.
    if (!plan || signal.aborted) return;
    if (await openOnLegacyConsole(page.id, route, signal)) return;
    const guide = createGuide(signal);
    try {
      await page.run({ plan, route, guide }, signal);
    } catch (error) {
      if (!signal.aborted) console.warn('[Docker Cloud AWS Link]', page.id, error);
    }
  };

  window.addEventListener('hashchange', onNavigate);
  // The console may also navigate with history.pushState, which fires no hashchange.
  window.addEventListener('popstate', onNavigate);
  onNavigate();
}
