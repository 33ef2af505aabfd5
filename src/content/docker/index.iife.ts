// Docker Cloud: on every page load, ask the background whether a Role ARN waits to be linked; with
// none, nothing more happens here. With one, link it from wherever the app is and report the outcome.
import browser from '../../browser';
import { diagnoseDockerCloudError } from '../../core/docker-errors';
import type { MessageId } from '../../core/problem';
import type { DockerOutcome, DockerRequest } from '../../core/schemas';
import { describe, t } from '../../i18n';
import { forgetSave, linkAws, type Control } from './link';
import { readTask, type Task } from './task';
import { showToast, type Tone } from './toast';

document.documentElement.dataset.dockercloudAwsLink = 'docker';

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

async function main(): Promise<void> {
  const request: DockerRequest = { kind: 'dockerGetTask' };
  const answer: unknown = await browser.runtime.sendMessage(request).catch(() => null);
  const task = readTask(answer);
  if (!task) return;
  showToast(t('dockerToastWorking', task.namespace), 'busy');
  const result = await linkAws(task).catch((): DockerOutcome => ({ outcome: 'notFound', control: 'awsRow' }));
  const report: DockerRequest = { kind: 'dockerResult', namespace: task.namespace, result };
  await browser.runtime.sendMessage(report).catch(() => undefined);
  forgetSave();
  announce(result, task);
}

void main();
