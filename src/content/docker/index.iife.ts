// Docker Cloud: on every page load, ask the background whether a Role ARN waits to be linked in this tab;
// with none, nothing more happens here (nothing is marked on the page either). With one, link it from
// wherever the app is and report the outcome under the task's id.
import browser from '../../browser';
import { diagnoseDockerCloudError } from '../../core/docker-errors';
import type { MessageId } from '../../core/problem';
import type { DockerOutcome, DockerRequest } from '../../core/schemas';
import { describe, t } from '../../i18n';
import { LINK_TIMEOUT_MS, linkAws, type Control } from './link';
import { openNamespace, providersHeading } from './page';
import { readTask, type Task } from './task';
import { showToast, type Tone } from './toast';

const CONTROL_NAMES: Record<Control, MessageId> = {
  namespace: 'dockerControlNamespace',
  cloudSettings: 'dockerControlCloudSettings',
  providers: 'dockerControlProviders',
  awsRow: 'dockerControlAwsRow',
  awsPlug: 'dockerControlAwsPlug',
  addAwsDialog: 'dockerControlAddAwsDialog',
  roleArnField: 'dockerControlRoleArnField',
  saveButton: 'dockerControlSaveButton',
  unlinkConfirm: 'dockerControlUnlinkConfirm',
};

function announce(result: DockerOutcome, task: Task): void {
  const ns = task.namespace;
  const note = (text: string, tone: Tone = 'problem', copy?: string) => showToast(text, tone, copy);
  switch (result.outcome) {
    case 'linked': return note(t('dockerToastLinked', ns), 'ok');
    case 'error': return note(describe(diagnoseDockerCloudError(result.errorText)));
    case 'namespaceMismatch': return note(t('dockerToastMismatch', result.openNamespace, ns));
    case 'alreadyLinked': return note(t(result.method === 'access-key' ? 'dockerToastAlreadyLinkedAccessKey' : 'dockerToastAlreadyLinked', ns));
    case 'loggedOut': return note(t('dockerToastLoggedOut'));
    case 'timeout': return note(t('dockerToastTimeout'), 'problem', task.roleArn);
    case 'notFound': {
      const name = CONTROL_NAMES[result.control as Control];
      return note(t('dockerToastNotFound', name ? t(name) : result.control), 'problem', task.roleArn);
    }
  }
}

const send = (request: DockerRequest): Promise<unknown> => browser.runtime.sendMessage(request).catch(() => null);

async function main(): Promise<void> {
  const task = readTask(await send({ kind: 'dockerGetTask' }));
  if (!task) return;
  showToast(t('dockerToastWorking', task.namespace), 'busy');
  // Bounded, and ended when the page goes away: no wait outlives the task.
  const leave = leaving();
  const signal = AbortSignal.any([AbortSignal.timeout(LINK_TIMEOUT_MS), leave]);
  const result = await linkAws(task, { saving: () => send({ kind: 'dockerSaving', id: task.id }) }, signal).catch(
    (): DockerOutcome => ({ outcome: 'notFound', control: 'awsRow' }),
  );
  // A page load in between (the app, or the user): the next page goes on with the same task.
  if (leave.aborted) return;
  // Where Cloud settings was found, so the next send opens it directly.
  const settingsPath = providersHeading() && openNamespace() === task.namespace && /^\/[A-Za-z0-9._~/-]{1,200}$/.test(location.pathname) ? location.pathname : undefined;
  await send({ kind: 'dockerResult', id: task.id, namespace: task.namespace, result, ...(settingsPath && { settingsPath }) });
  announce(result, task);
}

function leaving(): AbortSignal {
  const controller = new AbortController();
  addEventListener('pagehide', () => controller.abort(), { once: true });
  return controller.signal;
}

void main();
