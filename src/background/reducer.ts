// The background's decisions, pure: (what is stored, a checked message) → (what to store, the reply, what to open).
// Browser calls live in index.ts; here everything is data, so every rule is unit-tested.
import { parseRoleArn } from '../core/arn';
import { diagnoseDockerCloudError } from '../core/docker-errors';
import { POLICY_NAME } from '../core/docker-cloud';
import {
  captureRoleArn,
  complete,
  consoleTaskOf,
  currentConsoleTask,
  newLink,
  noteProblem,
  recordDockerCloudOutcome,
  verifyRole,
  type ConsoleTask,
  type DockerCloudOutcome,
  type Link,
} from '../core/flow';
import type { Namespace } from '../core/names';
import { checkTrustPolicy } from '../core/trust-policy';
import { buildPolicyDocument } from '../core/policy';
import type { Problem } from '../core/problem';
import type {
  ArmedTabs,
  AwsPlan,
  AwsRequest,
  DockerOutcome,
  DockerRequest,
  DockerTask,
  DockerTaskStatus,
  PopupRequest,
  PopupView,
  SetAside,
  StoredState,
} from '../core/schemas';
import { awsPlanFor, consoleTaskUrl, DOCKER_CLOUD_HOME, roleNameOf, stepUrl } from './steps';

export interface World {
  stored: StoredState;
  /** The Docker Cloud task in flight (storage.session): at most one. */
  task: DockerTaskStatus;
  /** Console tabs armed for a link's next step (storage.session). */
  armed: ArmedTabs;
  /** Console tabs that asked for a plan: told by message when it may have changed (storage.session). */
  planTabs: number[];
  /** Stored progress that could not be read, kept aside (storage.local). */
  setAside: SetAside | null;
}

/** How long a tab stays armed for a step the user has not finished. */
export const ARM_LIFETIME_MS = 30 * 60_000;
/** How long a Docker Cloud task may take, from Send to the page's answer. */
export const TASK_LIFETIME_MS = 3 * 60_000;
const MAX_ARMED_TABS = 20;
const MAX_PLAN_TABS = 50;

export type Incoming =
  | { role: 'popup'; request: PopupRequest }
  | { role: 'aws'; request: AwsRequest; tabId: number }
  | { role: 'docker'; request: DockerRequest; tabId: number }
  /** The browser closed a tab (tabs.onRemoved needs no permission). */
  | { role: 'browser'; event: { kind: 'tabClosed'; tabId: number } };

/** What the tab an effect opened is for, once its id is known. */
export type Binding = { kind: 'arm'; namespace: Namespace; task: ConsoleTask } | { kind: 'dockerTask'; id: string };

/**
 * Open the page (in `inTab`, or a tab already on it, or a new one); `reload` makes a content script there
 * pull its task again; `then` binds the tab it ends up in.
 */
export type Effect = { kind: 'openTab'; url: string; reload: boolean; inTab?: number; then?: Binding };

export interface Verdict {
  problems: Problem[];
}
export type Reply = PopupView | Verdict | AwsPlan | DockerTask;

export interface Outcome {
  world: World;
  reply: Reply;
  effects: Effect[];
}

const verdict = (...problems: Problem[]): Verdict => ({ problems });
const unchanged = (world: World, reply: Reply): Outcome => ({ world, reply, effects: [] });

function withLink(world: World, link: Link, active = world.stored.activeNamespace): World {
  const ns = link.settings.namespace;
  return { ...world, stored: { ...world.stored, links: { ...world.stored.links, [ns]: link }, activeNamespace: active } };
}

const linkOf = (world: World, namespace: string): Link | undefined =>
  Object.hasOwn(world.stored.links, namespace) ? world.stored.links[namespace] : undefined;

const activeLink = (world: World): Link | undefined =>
  world.stored.activeNamespace === null ? undefined : linkOf(world, world.stored.activeNamespace);

const noLink = (namespace: string): Problem => ({ message: 'bgNoSuchNamespace', substitutions: [namespace] });

/** The console task a link asks of the user now (null once the AWS side is done). */
export const currentTask = currentConsoleTask;

/** `tabId` among the tabs told when their plan may have changed. */
const listening = (world: World, tabId: number): World =>
  world.planTabs.includes(tabId) ? world : { ...world, planTabs: [...world.planTabs, tabId].slice(-MAX_PLAN_TABS) };

function withArmed(world: World, tabId: number, namespace: Namespace, task: ConsoleTask, now: number): World {
  const entries = Object.entries({ ...world.armed, [String(tabId)]: { namespace, task, until: now + ARM_LIFETIME_MS } });
  // Bounded: the tabs armed longest ago go first.
  const kept = entries.sort(([, a], [, b]) => b.until - a.until).slice(0, MAX_ARMED_TABS);
  return { ...world, armed: Object.fromEntries(kept) };
}

function withoutArmed(world: World, keep: (tabId: string, arm: ArmedTabs[string]) => boolean): World {
  const entries = Object.entries(world.armed);
  const kept = entries.filter(([tab, arm]) => keep(tab, arm));
  return kept.length === entries.length ? world : { ...world, armed: Object.fromEntries(kept) };
}

/** The tab's arm, if it is live and its link still asks for that task. */
function armOf(world: World, tabId: number, now: number): { link: Link; task: ConsoleTask } | null {
  const arm = Object.hasOwn(world.armed, String(tabId)) ? world.armed[String(tabId)] : undefined;
  const link = arm && arm.until > now ? linkOf(world, arm.namespace) : undefined;
  return arm && link && currentTask(link) === arm.task ? { link, task: arm.task } : null;
}

/**
 * Whether an IAM page loaded now would get a plan (fromAws, awsGetPlan): some tab is armed for a link's console
 * task, or the active link has one left. The engine is registered on IAM pages exactly then (engine.ts).
 */
export function engineWanted(world: World, now: number): boolean {
  const active = activeLink(world);
  if (active !== undefined && currentTask(active) !== null) return true;
  return Object.keys(world.armed).some((tabId) => armOf(world, Number(tabId), now) !== null);
}

export function reduce(world: World, incoming: Incoming, now: number, newId: () => string = randomId): Outcome {
  const current = expireTask(withoutArmed(world, (_, arm) => arm.until > now), now);
  switch (incoming.role) {
    case 'popup':
      return fromPopup(current, incoming.request, now, newId);
    case 'aws':
      return fromAws(current, incoming.request, incoming.tabId, now);
    case 'docker':
      return fromDocker(current, incoming.request, incoming.tabId, now);
    case 'browser':
      return { world: tabClosed(current, incoming.event.tabId, now), reply: verdict(), effects: [] };
  }
}

/** Binds the tab an effect opened: armed for a console task, or the one Docker Cloud tab of the task. */
export function bind(world: World, tabId: number, binding: Binding, now: number): World {
  // The tab opened for a console step asks for its plan as its page loads: it is listening already, and that
  // request changes nothing (answered without a write).
  if (binding.kind === 'arm') return listening(withArmed(world, tabId, binding.namespace, binding.task, now), tabId);
  return world.task?.id === binding.id ? { ...world, task: { ...world.task, tabId } } : world;
}

export const viewOf = (world: World): PopupView => ({
  state: world.stored,
  dockerTask: world.task,
  recovered: world.setAside?.dismissed === false ? world.setAside.recovered : null,
  lostLinks: world.setAside?.dismissed === false ? Object.keys(world.setAside.links).slice(0, 100) : [],
});

function fromPopup(world: World, request: PopupRequest, now: number, newId: () => string): Outcome {
  if (request.kind === 'getState') return unchanged(world, viewOf(world));
  if (request.kind === 'dismissRecovered') {
    return world.setAside === null ? unchanged(world, verdict()) : { world: { ...world, setAside: { ...world.setAside, dismissed: true } }, reply: verdict(), effects: [] };
  }
  if (request.kind === 'saveLink') {
    const policy = buildPolicyDocument(request.settings.policy);
    if (!policy.ok) return unchanged(world, verdict(policy.problem));
    const existing = linkOf(world, request.settings.namespace);
    const same = existing !== undefined && JSON.stringify(existing.settings) === JSON.stringify(request.settings);
    const link = same ? existing : newLink(request.settings);
    const saved = withLink(world, link, request.settings.namespace);
    // "Save and start": a new link's first page opens at once, armed for it.
    return { world: saved, reply: verdict(), effects: same ? [] : openConsoleTask(link) };
  }
  const link = linkOf(world, request.namespace);
  if (link === undefined) return unchanged(world, verdict(noLink(request.namespace)));
  const ns = link.settings.namespace;
  const taskHere = world.task?.namespace === ns;
  switch (request.kind) {
    case 'selectLink':
      return { world: withLink(world, link, ns), reply: verdict(), effects: [] };
    case 'startOver': {
      const fresh = newLink(link.settings);
      const w = withoutArmed(withLink(world, fresh), (_, arm) => arm.namespace !== ns);
      return { world: { ...w, task: taskHere ? null : world.task }, reply: verdict(), effects: [] };
    }
    case 'removeLink': {
      const links = { ...world.stored.links };
      delete links[ns];
      const active = world.stored.activeNamespace === ns ? (Object.keys(links).sort()[0] ?? null) : world.stored.activeNamespace;
      const w = withoutArmed(world, (_, arm) => arm.namespace !== ns);
      return {
        world: { ...w, stored: { ...world.stored, links, activeNamespace: active as StoredState['activeNamespace'] }, task: taskHere ? null : world.task },
        reply: verdict(),
        effects: [],
      };
    }
    case 'openStep': {
      // The step's page opens armed when it is the link's next one; another step's page opens as a plain link.
      const task = consoleTaskOf(request.step);
      const arm: Binding | undefined = task !== null && task === currentTask(link) ? { kind: 'arm', namespace: ns, task } : undefined;
      return { world: withLink(world, link, ns), reply: verdict(), effects: [{ kind: 'openTab', url: stepUrl(link, request.step), reload: false, ...(arm && { then: arm }) }] };
    }
    case 'enterRoleArn': {
      // The user's own choice: the only way a captured ARN is replaced.
      const captured = captureRoleArn(link, request.roleArn, now, true);
      if (!captured.ok) return unchanged(world, verdict(captured.problem));
      return { world: withLink(world, captured.value), reply: verdict(), effects: [] };
    }
    case 'sendToDockerCloud': {
      if (link.capturedRoleArn === null) return unchanged(world, verdict({ message: 'bgSendNeedsArn' }));
      const previous = taskHere ? world.task : null;
      const task: DockerTaskStatus = {
        id: newId(),
        namespace: ns,
        roleArn: link.capturedRoleArn,
        replaceExisting: request.replaceExisting,
        tabId: null,
        createdAt: now,
        savingSince: null,
        alreadyLinked: null,
        replacing: request.replaceExisting ? (previous?.alreadyLinked ?? previous?.replacing ?? null) : null,
      };
      return {
        world: { ...world, task },
        reply: verdict(),
        effects: [{ kind: 'openTab', url: dockerCloudUrl(world, ns), reload: true, then: { kind: 'dockerTask', id: task.id } }],
      };
    }
    case 'cancelDockerTask':
      return taskHere ? { world: { ...world, task: null }, reply: verdict(), effects: [] } : unchanged(world, verdict());
  }
}

/**
 * The armed tab that moved the link on goes on armed for the link's next console task (the role's page,
 * reached through "Check the existing role", captured the ARN of a role the wizard could not create).
 */
function followOn(world: World, tabId: number, link: Link, now: number): World {
  const task = currentTask(link);
  return task === null ? world : withArmed(world, tabId, link.settings.namespace, task, now);
}

/** Opens the page of the link's next console task in `inTab` (or wherever openTab finds), armed for it. */
function openConsoleTask(link: Link, inTab?: number): Effect[] {
  const task = currentTask(link);
  if (task === null) return [];
  return [{ kind: 'openTab', url: consoleTaskUrl(link, task), reload: false, ...(inTab !== undefined && { inTab }), then: { kind: 'arm', namespace: link.settings.namespace, task } }];
}

function fromAws(world: World, request: AwsRequest, tabId: number, now: number): Outcome {
  // A boot script asking for the engine is told the same: a plan, or null when the page needs no engine.
  if (request.kind === 'awsGetPlan' || request.kind === 'awsStartEngine') {
    const heard = listening(world, tabId);
    const armed = armOf(world, tabId, now);
    if (armed) return unchanged(heard, planOf(armed.link, true));
    // Not armed: the plan of the link in progress, for the page's offer only; null when the AWS side needs nothing.
    const active = activeLink(world);
    return unchanged(heard, active !== undefined && currentTask(active) !== null ? planOf(active, false) : null);
  }
  const link = linkOf(world, request.namespace);
  if (link === undefined) return unchanged(world, verdict(noLink(request.namespace)));
  const ns = link.settings.namespace;
  if (request.kind === 'awsArm') {
    const task = currentTask(link);
    if (task === null) return unchanged(world, null);
    return unchanged(withArmed(world, tabId, ns, task, now), planOf(link, true));
  }
  // Reports count only from a tab armed for this link: an unrelated page, or one left from another link, changes nothing.
  if (armOf(world, tabId, now)?.link.settings.namespace !== ns) return unchanged(world, verdict({ message: 'bgNotArmed', substitutions: [ns] }));
  if (request.roleName !== link.settings.roleName) {
    return unchanged(world, verdict({ message: 'bgRoleNameDiffers', substitutions: [request.roleName, ns, link.settings.roleName] }));
  }
  switch (request.kind) {
    case 'awsPolicyCreated': {
      if (request.policyName !== POLICY_NAME) {
        return unchanged(world, verdict({ message: 'bgPolicyNameDiffers', substitutions: [request.policyName, POLICY_NAME] }));
      }
      if (link.done.policyCreated !== undefined) return unchanged(world, verdict());
      const done = complete(link, 'policyCreated', now);
      // Navigation only, never a Create: the same tab goes on to the role wizard.
      return { world: withLink(world, done), reply: verdict(), effects: openConsoleTask(done, tabId) };
    }
    case 'awsRoleCreated': {
      if (link.done.roleCreated !== undefined) return unchanged(world, verdict());
      const done = complete(link, 'roleCreated', now);
      return { world: withLink(world, done), reply: verdict(), effects: openConsoleTask(done, tabId) };
    }
    case 'awsCheckTrust':
      // The core's checker stays out of the console's content script (its size budget): asked here.
      return unchanged(world, verdict(...checkTrustPolicy(request.trustPolicy, ns)));
    case 'awsRoleArnShown': {
      // Captured as soon as its page shows it; verified when the page's trust relationship is read.
      const arn = parseRoleArn(request.roleArn);
      if (!arn.ok) return unchanged(world, verdict(arn.problem));
      const expected = roleNameOf(link);
      if (arn.value.roleName !== expected) {
        return unchanged(world, verdict({ message: 'bgRoleNameDiffers', substitutions: [arn.value.roleName, ns, expected] }));
      }
      const captured = captureRoleArn(link, request.roleArn, now);
      // Another ARN than the one captured (a same-named role in another account): shown, never taken.
      if (!captured.ok) return { world: withLink(world, noteProblem(link, 'arnCaptured', captured.problem)), reply: verdict(captured.problem), effects: [] };
      return { world: followOn(withLink(world, captured.value), tabId, captured.value, now), reply: verdict(), effects: [] };
    }
    case 'awsRoleObserved': {
      // Page text: a forged or garbled ARN changes nothing and is answered with what is wrong with it.
      const arn = parseRoleArn(request.role.roleArn);
      if (!arn.ok) return unchanged(world, verdict(arn.problem));
      // Another role's page (the user browsing IAM) must not replace this namespace's role.
      const expected = roleNameOf(link);
      if (arn.value.roleName !== expected) {
        return unchanged(world, verdict({ message: 'bgRoleNameDiffers', substitutions: [arn.value.roleName, ns, expected] }));
      }
      const captured = captureRoleArn(link, request.role.roleArn, now);
      // Another ARN than the one captured (a same-named role in another account): shown, never taken.
      if (!captured.ok) return { world: withLink(world, noteProblem(link, 'arnCaptured', captured.problem)), reply: verdict(captured.problem), effects: [] };
      const verified = verifyRole(captured.value, request.role, now);
      return { world: withLink(world, verified), reply: verdict(...(verified.problems.roleVerified ?? [])), effects: [] };
    }
  }
}

const planOf = (link: Link, armed: boolean): AwsPlan => {
  const plan = awsPlanFor(link);
  const task = currentTask(link);
  return plan === null || task === null ? null : { ...plan, task, armed };
};

function fromDocker(world: World, request: DockerRequest, tabId: number, now: number): Outcome {
  const task = world.task;
  // Only the tab opened for this task, and only with its id: another Docker Cloud tab, or a page loaded later, gets nothing.
  const ours = task !== null && task.tabId === tabId && task.alreadyLinked === null;
  if (request.kind === 'dockerGetTask') {
    if (!ours) return unchanged(world, null);
    return unchanged(world, { id: task.id, namespace: task.namespace, roleArn: task.roleArn, replaceExisting: task.replaceExisting, saved: task.savingSince !== null });
  }
  if (!ours || task.id !== request.id) return unchanged(world, verdict({ message: 'bgNoTask', substitutions: [task?.namespace ?? ''] }));
  if (request.kind === 'dockerSaving') return { world: { ...world, task: { ...task, savingSince: now } }, reply: verdict(), effects: [] };
  const link = linkOf(world, request.namespace);
  if (task.namespace !== request.namespace || link === undefined) {
    return unchanged(world, verdict({ message: 'bgNoTask', substitutions: [request.namespace] }));
  }
  const result = request.result;
  const recorded = recordDockerCloudOutcome(link, dockerCloudOutcome(result, task), now);
  if (result.outcome === 'alreadyLinked') {
    return { world: { ...withLink(world, recorded), task: { ...task, alreadyLinked: result.method } }, reply: verdict(), effects: [] };
  }
  const linked = result.outcome === 'linked' && task.replaceExisting && task.replacing === 'access-key' ? withOldUserReminder(recorded) : recorded;
  return { world: { ...withSettingsPath(withLink(world, linked), task.namespace, request.settingsPath), task: null }, reply: verdict(), effects: [] };
}

/** Docker Cloud's settings page for `namespace` once it has been found there, else the app's home. */
function dockerCloudUrl(world: World, namespace: string): string {
  const paths = world.stored.dockerSettingsPaths ?? {};
  return Object.hasOwn(paths, namespace) ? new URL(paths[namespace] ?? '/', DOCKER_CLOUD_HOME).href : DOCKER_CLOUD_HOME;
}

function withSettingsPath(world: World, namespace: string, path: string | undefined): World {
  const paths = world.stored.dockerSettingsPaths ?? {};
  if (path === undefined || paths[namespace] === path) return world;
  return { ...world, stored: { ...world.stored, dockerSettingsPaths: { ...paths, [namespace]: path } } };
}

/** A task in flight past its lifetime ends, recorded as not sent; one waiting for the user's choice waits on. */
function expireTask(world: World, now: number): World {
  const task = world.task;
  if (task === null || task.alreadyLinked !== null || now - task.createdAt <= TASK_LIFETIME_MS) return world;
  return endTask(world, task, 'bgDockerExpired', now);
}

function endTask(world: World, task: NonNullable<DockerTaskStatus>, message: Problem['message'], now: number): World {
  const link = linkOf(world, task.namespace);
  const ended = { ...world, task: null };
  return link === undefined ? ended : withLink(ended, recordDockerCloudOutcome(link, { outcome: 'notSent', problem: { message } }, now));
}

function tabClosed(world: World, tabId: number, now: number): World {
  let next = withoutArmed(world, (tab) => tab !== String(tabId));
  if (next.planTabs.includes(tabId)) next = { ...next, planTabs: next.planTabs.filter((t) => t !== tabId) };
  const task = next.task;
  return task !== null && task.tabId === tabId && task.alreadyLinked === null ? endTask(next, task, 'bgDockerTabClosed', now) : next;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Docker Cloud's answer as the core's flow records it, with the specific problem for each way it can fail. */
export function dockerCloudOutcome(result: DockerOutcome, task: NonNullable<DockerTaskStatus>): DockerCloudOutcome {
  const notSent = (message: Problem['message'], ...substitutions: string[]): DockerCloudOutcome => ({
    outcome: 'notSent',
    problem: substitutions.length > 0 ? { message, substitutions } : { message },
  });
  switch (result.outcome) {
    case 'linked':
      return { outcome: 'linked' };
    case 'error':
      return { outcome: 'rejected', problem: diagnoseDockerCloudError(result.errorText) };
    case 'namespaceMismatch':
      return notSent('bgDockerNamespaceMismatch', result.openNamespace, task.namespace);
    case 'loggedOut':
      return notSent('bgDockerLoggedOut');
    case 'notFound':
      return notSent('bgDockerNotFound', result.control);
    case 'timeout':
      return notSent('bgDockerTimeout');
    case 'alreadyLinked':
      return notSent(
        result.method === 'access-key' ? 'bgDockerAlreadyLinkedAccessKey' : result.method === 'role' ? 'bgDockerAlreadyLinkedRole' : 'bgDockerAlreadyLinkedUnknown',
        task.namespace,
      );
  }
}

/** A note on the done "linked" step: the access key the old link used still exists in IAM. */
function withOldUserReminder(link: Link): Link {
  return { ...link, problems: { ...link.problems, linkConfirmed: [{ message: 'bgDeleteOldUser' }] } };
}
