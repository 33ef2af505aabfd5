// The console engine: every page module, the router and the guide. Not a manifest content script: the background
// injects it into an IAM page's top frame only while a link is in progress (boot.iife.ts asks for it), so a
// console page with no link in progress loads and runs none of it.
import { PAGES } from './pages';
import { startRouter } from './router';

const state = globalThis as typeof globalThis & { dockercloudEngine?: true };
// Asked twice (two plan changes in a row), the background may inject twice: one engine per page.
if (!state.dockercloudEngine) {
  state.dockercloudEngine = true;
  startRouter(PAGES);
}
