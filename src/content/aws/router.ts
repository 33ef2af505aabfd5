// Runs the page module matching the current IAM route, again after each hash navigation, each time
// with a fresh AbortController: a page's listeners, observers and guide end with its visit.
import browser from '../../browser';
import { createGuide } from './guide/guide';
import { openOnLegacyConsole } from './legacy-console';
import { getPlan } from './messages';
import type { ConsolePage, Plan } from './page';
import { iamRoute, type IamRoute } from './routes';

export function startRouter(pages: ConsolePage[]): void {
  let visit: AbortController | null = null;
  let visitKey = '';
  let visits = 0;
  // The background's last plan, kept while the extension's stored state is unchanged: a wizard step that
  // renders at once after a hash navigation is filled without waiting for the round trip. Every visit
  // still asks; an answer that differs runs the visit again with it (or ends it, with no link left).
  let lastPlan: Plan | null = null;
  let stateChanges = 0;
  browser.storage.onChanged.addListener(() => {
    stateChanges++;
    lastPlan = null;
  });

  const onNavigate = () => {
    const url = new URL(location.href);
    const route = iamRoute(url);
    const page = route && pages.find((p) => p.matches(url));
    const key = page && route ? `${page.id}|${page.visitKey?.(route) ?? url.href}` : '';
    if (key !== '' && key === visitKey) return;
    visitKey = key;
    const thisVisit = ++visits;
    visit?.abort();
    visit = null;
    if (!route || !page) return;
    const known = lastPlan;
    const asked = stateChanges;
    if (known) begin(page, route, known);
    void getPlan().then((plan) => {
      if (asked === stateChanges) lastPlan = plan;
      if (thisVisit !== visits || (known && plan && JSON.stringify(plan) === JSON.stringify(known))) return;
      // No link in progress: the page is left alone.
      if (plan) begin(page, route, plan);
      else visit?.abort();
    });
  };

  const begin = (page: ConsolePage, route: IamRoute, plan: Plan) => {
    visit?.abort();
    const controller = new AbortController();
    visit = controller;
    void run(page, route, plan, controller.signal);
  };

  const run = async (page: ConsolePage, route: IamRoute, plan: Plan, signal: AbortSignal) => {
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
