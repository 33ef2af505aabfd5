// The gate every console page visit passes before it touches the page. A page is filled (or read) only on an
// armed visit: the extension opened this tab for the link's next step, or the user pressed "Fill for Docker
// Cloud" here. Never once the AWS side is done, never on a page of a step the link does not need now.
import { consoleTaskOf } from '../../core/flow';
import { t } from '../../i18n';
import { createGuide } from './guide/guide';
import { armTab, getPlan, onPlanChanged, reportFor } from './messages';
import type { ConsolePage, Plan } from './page';

/** Lists only point at the console's own buttons: nothing there to offer. */
const NO_OFFER = new Set(['policiesList', 'rolesList']);

export type GatedPage = Pick<ConsolePage, 'id' | 'checklistStep'>;

/** Whether `page` serves the plan's task. The role's page also serves the role wizard's: an existing role ("Check the existing role") is checked there. */
export function serves(page: GatedPage, plan: Plan): boolean {
  const task = consoleTaskOf(page.checklistStep);
  return task !== null && (task === plan.task || (task === 'checkRole' && plan.task === 'createRole'));
}

/**
 * The plan this visit may use, or null: the page is left alone (an unarmed page of the step in progress
 * shows only the offer, and is filled once the user presses it).
 * An armed visit is answered at once (no promise), so that its page is filled in the task that rendered it.
 */
export function admitVisit(page: GatedPage, plan: Plan, signal: AbortSignal): Plan | null | Promise<Plan | null> {
  const task = consoleTaskOf(page.checklistStep);
  if (task === null || !serves(page, plan)) return null;
  if (plan.armed) {
    reportFor(plan);
    return plan;
  }
  if (NO_OFFER.has(page.id)) return null;
  return offer(plan, task === 'checkRole' ? t('armOfferCheckRole') : t('armOfferFill'), signal).then((armed) => {
    if (armed) reportFor(armed);
    return armed;
  });
}

/** A small callout in the corner, touching nothing on the page, until the user presses it or leaves. */
function offer(plan: Plan, label: string, signal: AbortSignal): Promise<Plan | null> {
  return new Promise((resolve) => {
    const shown = new AbortController();
    const end = (armed: Plan | null) => {
      shown.abort();
      resolve(armed);
    };
    signal.addEventListener('abort', () => end(null), { once: true });
    if (signal.aborted) return end(null);
    // Armed meanwhile from the popup's checklist (the same page opened again): go on as if pressed.
    const unsubscribe = onPlanChanged(() => {
      void getPlan().then((fresh) => {
        if (fresh?.armed && fresh.namespace === plan.namespace && fresh.task === plan.task && !signal.aborted) end(fresh);
      });
    });
    shown.signal.addEventListener('abort', unsubscribe, { once: true });
    const guide = createGuide(shown.signal);
    guide.show({
      title: t('armOfferTitle', plan.namespace),
      actions: [
        {
          label,
          run: () => {
            // Only a real press: a page script's synthetic click carries no user activation.
            if (navigator.userActivation?.isActive === false) return;
            void armTab(plan.namespace).then((armed) => (signal.aborted ? undefined : end(armed)));
          },
        },
      ],
    });
  });
}
