// How far a link has come, in one place: the popup's next action, its announcements and the toolbar badge agree.
import { STEPS, nextStep, type Link, type StepId } from './flow';
import type { DockerTaskStatus } from './schemas';

export interface Progress {
  done: number;
  total: number;
  /** The one step the user acts on next; null once linked. */
  next: StepId | null;
  /** Docker Cloud confirmed the link (the role may have been sent unverified on purpose). */
  linked: boolean;
  /** A step failed, or Docker Cloud waits for the user to choose to replace its link. */
  attention: boolean;
}

export function progressOf(link: Link, task: DockerTaskStatus = null): Progress {
  const linked = link.done.linkConfirmed !== undefined;
  const failed = STEPS.find((step) => link.done[step] === undefined && (link.problems[step]?.length ?? 0) > 0);
  const waiting = task !== null && task.namespace === link.settings.namespace && task.alreadyLinked !== null;
  return {
    done: STEPS.filter((step) => link.done[step] !== undefined).length,
    total: STEPS.length,
    // A failed step is where the user acts, even with an earlier step still open (a role made by hand).
    // With an ARN in hand, checking the role comes next: an attached dockercloud-policy proves the policy step too.
    next: linked ? null : (failed ?? (link.capturedRoleArn !== null && link.done.roleVerified === undefined ? 'roleVerified' : nextStep(link))),
    linked,
    attention: !linked && (failed !== undefined || waiting),
  };
}

/** The toolbar badge: nothing before setup, `2/6` on the way, `!` when a step needs the user, `✓` when linked. */
export function badgeText(link: Link | undefined, task: DockerTaskStatus = null): string {
  if (link === undefined) return '';
  const p = progressOf(link, task);
  return p.linked ? '✓' : p.attention ? '!' : `${p.done}/${p.total}`;
}
