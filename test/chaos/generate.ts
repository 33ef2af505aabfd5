// The chaos console: a seed picks, independently, how the replica console and Docker Cloud behave on one run
// (render delays, navigation, step names, a component re-applying its value, decoys, tabs, language, host,
// layout), as a rollout of the live console might combine them. The same seed always gives the same case;
// `choices` says in words what was picked, so a failing seed can be read and replayed.
import { REPLICA_SESSION_HOST, type AwsLocale, type ConfigPatch } from '../replica/state';

export interface ChaosCase {
  seed: number;
  patch: ConfigPatch;
  /** What the seed picked, one short phrase each. */
  choices: string[];
}

/** mulberry32: a small, well-mixed 32-bit generator; enough to spread seeds over the choices. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const LOCALES: readonly AwsLocale[] = ['en', 'ja', 'de'];

export function chaosCase(seed: number): ChaosCase {
  const next = random(seed);
  const pick = <T>(options: readonly T[]): T => options[Math.floor(next() * options.length)] as T;
  const chance = (p: number) => next() < p;

  const legacy = chance(0.25);
  const choices: string[] = [legacy ? '2016 console' : 'current console'];
  const aws: NonNullable<ConfigPatch['aws']> = { variant: legacy ? 'legacy' : 'current' };
  // Steps render at once, or late (up to 3 s): the same delay for every step of the run.
  const delay = pick([0, 0, 400, 1200, 3000]);
  aws.renderDelayMs = delay;
  if (delay > 0) choices.push(`steps render ${delay} ms late`);
  aws.honourPrefillParams = chance(0.5);
  if (!aws.honourPrefillParams) choices.push('prefill parameters ignored');
  // The wizard remembering "Require MFA" from an earlier role: the box must be read, never assumed unticked.
  aws.mfaPreticked = chance(0.3);
  if (aws.mfaPreticked) choices.push('Require MFA ticked at start');
  if (legacy) {
    aws.trustOnTab = chance(0.5);
    if (aws.trustOnTab) choices.push('trust relationship on a tab');
  } else {
    aws.locale = pick(LOCALES);
    if (aws.locale !== 'en') choices.push(`labels in ${aws.locale}`);
    aws.navigation = pick(['hash', 'pushState'] as const);
    if (aws.navigation === 'pushState') choices.push('pushState navigation');
    aws.stepNames = pick(['documented', 'singular', 'none'] as const);
    if (aws.stepNames !== 'documented') choices.push(`step names: ${aws.stepNames}`);
    aws.editorReapply = pick(['never', 'once', 'always'] as const);
    if (aws.editorReapply !== 'never') choices.push(`editor re-applies its value ${aws.editorReapply}`);
    aws.headerSearchDecoy = chance(0.5);
    if (aws.headerSearchDecoy) choices.push('header search decoy');
    aws.drift = { reorderFields: chance(0.3) };
    if (aws.drift.reorderFields) choices.push('fields reordered');
    aws.multiSessionHost = chance(0.25) ? REPLICA_SESSION_HOST : null;
    if (aws.multiSessionHost) choices.push('multi-session host');
  }
  const layout = pick(['legacy', 'swarm'] as const);
  choices.push(`Docker Cloud ${layout === 'legacy' ? '2016' : 'swarm-mode'} layout`);
  return { seed, patch: { aws, docker: { layout } }, choices };
}
