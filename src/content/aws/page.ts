// What a console page module is: where it applies (a route detector) and what it does there.
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

export interface ConsolePage extends RouteDetector {
  /** Runs once per visit; `signal` aborts when the user navigates away. */
  run: (ctx: PageContext, signal: AbortSignal) => Promise<void>;
  /** Routes with the same key are one visit (a tab switch that rewrites the hash); default: the whole URL. */
  visitKey?: (route: IamRoute) => string;
}

export const definePage = (detector: RouteDetector, run: ConsolePage['run'], extra: Pick<ConsolePage, 'visitKey'> = {}): ConsolePage => ({
  ...detector,
  run,
  ...extra,
});
