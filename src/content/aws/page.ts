// What a console page module is, declared once with definePage: what shows it on screen (its signature),
// where the console usually puts it (URL hints), which step of the checklist it serves, the 2016 console's
// counterpart of its link, and what it does there. The router, the "Step n of m" labels, the legacy
// redirect and the drift matrix's page list are all derived from these declarations.
import { STEPS, type StepId } from '../../core/flow';
import type { AwsPlan } from '../../core/schemas';
import type { Guide } from './guide/guide';
import type { IamRoute, RouteDetector } from './routes';

export type Plan = NonNullable<AwsPlan>;

export interface PageContext {
  plan: Plan;
  route: IamRoute;
  /** The highlight and callout of this page visit; removed when the visit ends. */
  guide: Guide;
}

export interface PageDefinition {
  id: string;
  /** The checklist step (core/flow STEPS) this page serves: it runs only while the link still needs it. */
  checklistStep: StepId;
  /**
   * Whether the page's own content shows this step now, read inside the console's main content: the
   * fields and structure the page must find. Pages' signatures exclude each other.
   */
  signature: (plan: Plan) => boolean;
  /**
   * Whether every control the page fills is on screen, each found exactly once: the step has rendered in
   * full and the page runs at once. Until then (and for pages without it) the page runs once the console's
   * main content has settled.
   */
  complete?: (plan: Plan) => boolean;
  /** Where the console usually puts the page: checked first, never required. */
  hints: RouteDetector[];
  /** The 2016 console's hash for the same step, where a link of the current console lands on the old one. */
  legacyCounterpart?: (route: IamRoute, plan: Plan) => string | null;
  /** Runs once per visit; `signal` aborts when the user leaves the step. */
  run: (ctx: PageContext, signal: AbortSignal) => Promise<void>;
  /** What must stay the same for a change of URL to be the same visit (a tab switch); default: the page alone. */
  visitKey?: (route: IamRoute) => string;
}

export type ConsolePage = PageDefinition & {
  /** "Step n of m", counted as the popup's checklist counts (core/flow STEPS). */
  step: readonly [number, number];
};

export const definePage = (page: PageDefinition): ConsolePage => ({
  ...page,
  step: [STEPS.indexOf(page.checklistStep) + 1, STEPS.length],
});

/** Whether the link still needs `step`: it is the next step or one after it. */
export const stillNeeds = (plan: Plan, step: StepId): boolean =>
  plan.nextStep !== null && STEPS.indexOf(plan.nextStep) <= STEPS.indexOf(step);
