// The console engine: every page module, the router and the guide. Not a manifest content script: the background
// injects it into an IAM page's top frame only while a link is in progress (boot.iife.ts asks for it), so a
// console page with no link in progress loads and runs none of it.
import { readPlan } from './answers';
import { PAGES } from './pages';
import { startRouter } from './router';

const state = globalThis as typeof globalThis & { dockercloudEngine?: true; dockercloudHandedPlan?: unknown };
// The plan the background answered the boot with, left in this world just before the engine (background/engine.ts
// handOver): the engine starts on it at once, checked like any answer, and asks again as usual.
const handed = readPlan(state.dockercloudHandedPlan);
delete state.dockercloudHandedPlan;
// Asked twice (two plan changes in a row), the background may inject twice: one engine per page.
if (!state.dockercloudEngine) {
  state.dockercloudEngine = true;
  startRouter(PAGES, handed);
}
