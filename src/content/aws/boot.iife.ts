// AWS IAM console, on every page load of /iam/* and /iamv2/* (see manifest.json): as little as can be. While a
// link is in progress the background registers the engine (engine.iife.ts) to run at document_start too, and
// the boot has nothing to do. Otherwise it asks the background to start the engine, which the background
// injects only while a link is in progress (a page loaded before the link began); if none is, it waits, doing
// nothing, for the background's word that the plan changed.
import { onPlanChanged, startEngine } from './messages';

/** What tests wait on (read through DevTools in this world, never on the page's DOM): see router.ts. */
const state = globalThis as typeof globalThis & { dockercloudVisit?: string; dockercloudEngine?: true };

let asks = 0;
const ask = () => {
  const asked = ++asks;
  void startEngine().then((started) => {
    // The engine listens from now on.
    if (started || state.dockercloudEngine) return stopListening();
    // No link in progress (the router would say the same): nothing runs, nothing is watched.
    if (asked === asks) state.dockercloudVisit = 'idle';
  });
};
const stopListening = onPlanChanged(ask);
state.dockercloudVisit = 'waiting';
// A registered engine runs after this script, in the same task: by the next one it is here and asks for itself.
// An ask of the boot's would go first, and delay the engine's in the background's queue.
setTimeout(() => (state.dockercloudEngine ? stopListening() : ask()));
