// Recognises the page on screen and runs its module, one visit at a time, each with a fresh
// AbortController: a page's listeners, observers and guide end with its visit. A page is recognised by its
// signature (what its content shows); the URL only says which pages to look for first. The router looks
// again after every navigation (hash, history, Navigation API) and, while a link is in progress, after
// content changes with no URL change. With no link in progress it watches nothing.
import { consoleTaskOf } from '../../core/flow';
import { admitVisit, serves } from './armed';
import { createGuide, type Guide } from './guide/guide';
import { consoleGeneration } from './legacy-console';
import { getPlan, onPlanChanged } from './messages';
import { onUrlChange } from './navigation';
import { stillNeeds, type ConsolePage, type Plan } from './page';
import { iamRoute, type IamRoute } from './routes';
import { quiet, waitFor, watchPage } from './dom/wait';
import { contentRoot, lookAt, openMarkupWindow } from './dom/find';

interface Visit {
  page: ConsolePage;
  key: string;
  url: string;
  /** The plan the visit began with: a visit of another task, namespace or arming is over when the plan changes. */
  plan: Plan;
  /** Set once the visit was admitted (armed) and its page runs. */
  admitted: boolean;
  controller: AbortController;
}

/**
 * Where the router is, for tests (read through DevTools in the content script's own world): "waiting" for
 * the plan, "idle", or "<page> running|settled"; and when it last looked at the page. Never on the page's DOM: a console page cannot tell from it
 * that the extension is installed.
 */
const state = globalThis as typeof globalThis & { dockercloudVisit?: string; dockercloudLookedAt?: number };

/**
 * A guide whose callouts say "Step n of m" for `page` unless the page says otherwise. Made at its first callout:
 * a page fills its fields first, and nothing of the guide should stand between a step's render and its values.
 */
function stepGuide(page: ConsolePage, signal: AbortSignal): Guide {
  let guide: Guide | null = null;
  return {
    show: (content, target) => {
      // A guide made after its visit ended would never be taken down.
      if (!signal.aborted) (guide ??= createGuide(signal)).show({ step: page.step, ...content }, target);
    },
    hide: () => guide?.hide(),
  };
}

/** Resolves once `page` is complete on screen, or the console's main content has settled (whichever is first). */
async function completeOrSettled(page: ConsolePage, plan: Plan, signal: AbortSignal): Promise<void> {
  const complete = page.complete;
  const first = new AbortController();
  const end = () => first.abort();
  signal.addEventListener('abort', end, { once: true });
  const waits = [quiet(contentRoot(), first.signal)];
  if (complete) waits.push(waitFor(() => complete(plan), { signal: first.signal, attributes: true }).then(() => undefined));
  await Promise.race(waits);
  end();
  signal.removeEventListener('abort', end);
}

/** How long after a navigation every change to the page is looked at, and at most how many times (see lookSoon). */
const SOON_MS = 1500;
const SOON_LOOKS = 12;

/** Starts on `handed` (the plan the engine was injected with) where there is one; asks the background in any case. */
export function startRouter(pages: ConsolePage[], handed: Plan | null = null): void {
  let plan: Plan | null = null;
  let visit: Visit | null = null;
  let stopWatching: (() => void) | null = null;
  let redirectedFrom = '';
  let asks = 0;

  const keyOf = (page: ConsolePage, route: IamRoute) => `${page.id}|${page.visitKey?.(route) ?? ''}`;

  /**
   * The one page (needed by the link) whose signature the screen shows; pages the URL hints at first. Where the
   * look follows elements the page just `added`, those pages are looked at in a markup window (see dom/find):
   * the step is filled in the task that rendered it, before the page computes its style, and looked at again
   * with style in the next task.
   */
  const recognise = (route: IamRoute, url: URL, current: Plan, added: MutationRecord[]): ConsolePage | null => {
    const needed = pages.filter((p) => stillNeeds(current, p.checklistStep));
    const hinted = needed.filter((p) => p.hints.some((h) => h.matches(url)));
    if (added.length > 0 && hinted.length > 0) {
      const close = openMarkupWindow(added, () => look());
      const named = hinted.find((p) => p.signature(current));
      if (named) return named;
      close();
    }
    return [...hinted, ...needed.filter((p) => !hinted.includes(p))].find((p) => p.signature(current)) ?? null;
  };

  const endVisit = () => {
    visit?.controller.abort();
    visit = null;
    // A signal tests wait on: "idle" once the plan is known and no page is being acted on.
    state.dockercloudVisit = 'idle';
  };

  /** The one place a visit begins: everything a page does happens inside `run`, under its signal. */
  const beginVisit = (page: ConsolePage, route: IamRoute, current: Plan) => {
    endVisit();
    const controller = new AbortController();
    const signal = controller.signal;
    const begun: Visit = { page, key: keyOf(page, route), url: location.href, plan: current, admitted: false, controller };
    visit = begun;
    state.dockercloudVisit = `${page.id} running`;
    // Runs on without yielding while it can: a step complete on screen in an armed tab is filled in the task
    // that rendered it, before the console's own callbacks for that render (an await would let them in first).
    void (async () => {
      // "Exactly one" is judged on a step rendered in full, or once the region has settled.
      if (!page.complete?.(current)) await completeOrSettled(page, current, signal);
      if (signal.aborted) return;
      // Acts only on an armed visit (opened by the extension for this step, or the user pressed the offer).
      const admission = admitVisit(page, current, signal);
      const admitted = admission instanceof Promise ? await admission : admission;
      if (admitted === null || signal.aborted) return void (state.dockercloudVisit = 'idle');
      begun.admitted = true;
      try {
        await page.run({ plan: admitted, route, guide: stepGuide(page, signal) }, signal);
      } catch (error) {
        if (!signal.aborted) console.warn('[Docker Cloud AWS Link]', page.id, error);
      }
      if (!signal.aborted) state.dockercloudVisit = `${page.id} settled`;
    })();
  };

  /** Where a link of the current console opened the 2016 console: its page for the same step instead. */
  const openOnLegacyConsole = (route: IamRoute, url: URL, current: Plan) => {
    if (redirectedFrom === url.href || consoleGeneration() !== 'legacy') return;
    const page = pages.find((p) => p.legacyCounterpart && stillNeeds(current, p.checklistStep) && p.hints.some((h) => h.matches(url)));
    const hash = page?.legacyCounterpart?.(route, current);
    if (!hash || hash === url.hash) return;
    redirectedFrom = url.href;
    location.replace(hash);
  };

  const look = (added: MutationRecord[] = []) => lookAt(() => lookNow(added));
  const lookNow = (added: MutationRecord[]) => {
    // When the router last looked at the page (tests wait until it has seen the page as it is now).
    state.dockercloudLookedAt = performance.now();
    const current = plan;
    if (!current) return endVisit();
    const url = new URL(location.href);
    const route = iamRoute(url);
    if (!route) return endVisit();
    const left = visit !== null && visit.url !== location.href;
    // The step on screen is still the visit's: nothing to do (its own page holds its values). A new URL
    // keeps a visit only where the page says so (a tab switch); otherwise its guide would stay ringing a
    // control of the step the URL left, for as long as the old content is still shown.
    if (visit && visit.key === keyOf(visit.page, route) && (!left || visit.page.visitKey) && visit.page.signature(current)) {
      visit.url = location.href;
      return;
    }
    const before = left ? visit?.page : undefined;
    if (left) endVisit();
    const page = recognise(route, url, current, added);
    // The content the URL left, still on screen: looked at again as the page renders the new one (lookSoon).
    if (page && page === before) return;
    if (page) {
      stopLookingSoon();
      return beginVisit(page, route, current);
    }
    // Between two renders of the same URL nothing shows: the visit goes on until something else does.
    if (visit && visit.url === location.href) return;
    endVisit();
    openOnLegacyConsole(route, url, current);
  };

  // After a navigation (and when the plan arrives) the next step renders: every change is looked at at once,
  // not spaced by watchPage's budget, until a page is recognised, SOON_MS have passed or SOON_LOOKS were
  // spent (a page that keeps changing without showing a step is left to watchPage). A step is filled in the
  // task that rendered it.
  let soonUntil = 0;
  let soonLooks = 0;
  const soon = new MutationObserver((records) => (performance.now() > soonUntil || ++soonLooks > SOON_LOOKS ? stopLookingSoon() : look(records)));
  function lookSoon() {
    if (soonUntil > performance.now()) return;
    soonUntil = performance.now() + SOON_MS;
    soonLooks = 0;
    soon.observe(document, { childList: true, subtree: true });
  }
  function stopLookingSoon() {
    soonUntil = 0;
    soon.disconnect();
  }

  const planChanged = (next: Plan | null) => {
    const before = plan;
    plan = next;
    if (!next || next.nextStep === null) {
      // No link in progress, or a complete one: the console is left alone, and not watched.
      stopWatching?.();
      stopWatching = null;
      // Except the visit that just did the last console step (the role's page, verified): its verdict stays on
      // screen until the user leaves the page (a URL change ends it then).
      const finishing = visit !== null && before !== null && visit.url === location.href && consoleTaskOf(visit.page.checklistStep) === before.task;
      return finishing ? undefined : endVisit();
    }
    // A visit begun with the plan before (the page was recognised as the URL changed, before the background's
    // answer for it came) goes on only for the same link armed the same way, and only if it was admitted and
    // its page serves the new task too (the role's page, which moved the link from "create" to "check").
    const goesOn = (v: Visit) =>
      v.plan.namespace === next.namespace && v.plan.armed === next.armed && (v.plan.task === next.task || (v.admitted && serves(v.page, next)));
    if (visit && !goesOn(visit)) endVisit();
    stopWatching ??= watchPage(() => look(), { attributes: true });
    if (!visit) lookSoon();
    look();
  };

  const askPlan = () => {
    const asked = ++asks;
    void getPlan().then((next) => {
      if (asked !== asks) return;
      if (JSON.stringify(next) !== JSON.stringify(plan) || !stopWatching) planChanged(next);
    });
  };

  // The background tells the tabs that asked when their plan may have changed (no storage access here).
  onPlanChanged(askPlan);
  onUrlChange(() => {
    // The known plan recognises the new page at once; the background is asked again meanwhile.
    lookSoon();
    look();
    askPlan();
  });
  state.dockercloudVisit = 'waiting';
  if (handed) planChanged(handed);
  askPlan();
}
