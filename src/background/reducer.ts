// The background's decisions, pure: (what is stored, a checked message) → (what to store, the reply, what to open).
// Browser calls live in index.ts; here everything is data, so every rule is unit-tested.
import { parseRoleArn } from '../core/arn';
import { diagnoseDockerCloudError } from '../core/docker-errors';
import { POLICY_NAME } from '../core/docker-cloud';
import { captureRoleArn, complete, newLink, recordDockerCloudOutcome, verifyRole, type DockerCloudOutcome, type Link } from '../core/flow';
import { buildPolicyDocument } from '../core/policy';
import type { Problem } from '../core/problem';
import type {
  AwsPlan,
  AwsRequest,
  DockerOutcome,
  DockerRequest,
  DockerTask,
  DockerTaskStatus,
  LoadedState,
  PopupRequest,
  PopupView,
  StoredState,
} from '../core/schemas';
import { awsPlanFor, DOCKER_CLOUD_HOME, roleNameOf, stepUrl } from './steps';

export interface World {
  stored: StoredState;
  /** The Docker Cloud task in flight (storage.session): at most one. */
  task: DockerTaskStatus;
  recovered: LoadedState['recovered'];
}

export type Incoming =
  | { role: 'popup'; request: PopupRequest }
  | { role: 'aws'; request: AwsRequest }
  | { role: 'docker'; request: DockerRequest };

/** Open the page, or focus a tab already on it; `reload` makes a content script there pull its task again. */
export type Effect = { kind: 'openTab'; url: string; reload: boolean };

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

export function reduce(world: World, incoming: Incoming, now: number): Outcome {
  switch (incoming.role) {
    case 'popup':
      return fromPopup(world, incoming.request, now);
    case 'aws':
      return fromAws(world, incoming.request, now);
    case 'docker':
      return fromDocker(world, incoming.request, now);
  }
}

export const viewOf = (world: World): PopupView => ({ state: world.stored, dockerTask: world.task, recovered: world.recovered });

function fromPopup(world: World, request: PopupRequest, now: number): Outcome {
  if (request.kind === 'getState') return unchanged(world, viewOf(world));
  if (request.kind === 'saveLink') {
    const policy = buildPolicyDocument(request.settings.policy);
    if (!policy.ok) return unchanged(world, verdict(policy.problem));
    const existing = linkOf(world, request.settings.namespace);
    const same = existing !== undefined && JSON.stringify(existing.settings) === JSON.stringify(request.settings);
    const link = same ? existing : newLink(request.settings);
    return { world: withLink(world, link, request.settings.namespace), reply: verdict(), effects: [] };
  }
  const link = linkOf(world, request.namespace);
  if (link === undefined) return unchanged(world, verdict(noLink(request.namespace)));
  const ns = link.settings.namespace;
  const taskHere = world.task?.namespace === ns;
  switch (request.kind) {
    case 'selectLink':
      return { world: withLink(world, link, ns), reply: verdict(), effects: [] };
    case 'startOver':
      return { world: { ...withLink(world, newLink(link.settings)), task: taskHere ? null : world.task }, reply: verdict(), effects: [] };
    case 'removeLink': {
      const links = { ...world.stored.links };
      delete links[ns];
      const active = world.stored.activeNamespace === ns ? (Object.keys(links).sort()[0] ?? null) : world.stored.activeNamespace;
      return {
        world: { ...world, stored: { ...world.stored, links, activeNamespace: active as StoredState['activeNamespace'] }, task: taskHere ? null : world.task },
        reply: verdict(),
        effects: [],
      };
    }
    case 'openStep':
      // The console pages prefill for the active namespace, so opening a step makes its namespace active.
      return { world: withLink(world, link, ns), reply: verdict(), effects: [{ kind: 'openTab', url: stepUrl(link, request.step), reload: false }] };
    case 'enterRoleArn': {
      const captured = captureRoleArn(link, request.roleArn, now);
      if (!captured.ok) return unchanged(world, verdict(captured.problem));
      return { world: withLink(world, captured.value), reply: verdict(), effects: [] };
    }
    case 'sendToDockerCloud': {
      if (link.capturedRoleArn === null) return unchanged(world, verdict({ message: 'bgSendNeedsArn' }));
      const previous = taskHere ? world.task : null;
      const task: DockerTaskStatus = {
        namespace: ns,
        roleArn: link.capturedRoleArn,
        replaceExisting: request.replaceExisting,
        alreadyLinked: null,
        replacing: request.replaceExisting ? (previous?.alreadyLinked ?? previous?.replacing ?? null) : null,
      };
      return { world: { ...world, task }, reply: verdict(), effects: [{ kind: 'openTab', url: DOCKER_CLOUD_HOME, reload: true }] };
    }
    case 'cancelDockerTask':
      return taskHere ? { world: { ...world, task: null }, reply: verdict(), effects: [] } : unchanged(world, verdict());
  }
}

function fromAws(world: World, request: AwsRequest, now: number): Outcome {
  const link = activeLink(world);
  if (request.kind === 'awsGetPlan') return unchanged(world, link === undefined ? null : awsPlanFor(link));
  if (link === undefined) return unchanged(world, verdict({ message: 'bgNoActiveLink' }));
  const ns = link.settings.namespace;
  switch (request.kind) {
    case 'awsPolicyCreated':
      if (request.policyName !== POLICY_NAME) {
        return unchanged(world, verdict({ message: 'bgPolicyNameDiffers', substitutions: [request.policyName, POLICY_NAME] }));
      }
      return { world: withLink(world, complete(link, 'policyCreated', now)), reply: verdict(), effects: [] };
    case 'awsRoleCreated':
      if (request.roleName !== link.settings.roleName) {
        return unchanged(world, verdict({ message: 'bgRoleNameDiffers', substitutions: [request.roleName, ns, link.settings.roleName] }));
      }
      return { world: withLink(world, complete(link, 'roleCreated', now)), reply: verdict(), effects: [] };
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
      if (!captured.ok) return unchanged(world, verdict(captured.problem));
      const verified = verifyRole(captured.value, request.role, now);
      return { world: withLink(world, verified), reply: verdict(...(verified.problems.roleVerified ?? [])), effects: [] };
    }
  }
}

function fromDocker(world: World, request: DockerRequest, now: number): Outcome {
  const task = world.task;
  if (request.kind === 'dockerGetTask') {
    // Waiting for the user to choose to replace an existing link: nothing to do on the page meanwhile.
    if (task === null || task.alreadyLinked !== null) return unchanged(world, null);
    return unchanged(world, { namespace: task.namespace, roleArn: task.roleArn, replaceExisting: task.replaceExisting });
  }
  const link = linkOf(world, request.namespace);
  if (task === null || task.namespace !== request.namespace || task.alreadyLinked !== null || link === undefined) {
    return unchanged(world, verdict({ message: 'bgNoTask', substitutions: [request.namespace] }));
  }
  const result = request.result;
  const recorded = recordDockerCloudOutcome(link, dockerCloudOutcome(result, task), now);
  if (result.outcome === 'alreadyLinked') {
    return { world: { ...withLink(world, recorded), task: { ...task, alreadyLinked: result.method } }, reply: verdict(), effects: [] };
  }
  const linked = result.outcome === 'linked' && task.replaceExisting && task.replacing === 'access-key' ? withOldUserReminder(recorded) : recorded;
  return { world: { ...withLink(world, linked), task: null }, reply: verdict(), effects: [] };
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
