// AWS IAM console, on every page load of /iam/* and /iamv2/* (see manifest.json): as little as can be. It asks
// the background to start the engine (engine.iife.ts), which the background injects only while a link is in
// progress; otherwise it waits, doing nothing, for the background's word that the plan changed.
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
ask();
