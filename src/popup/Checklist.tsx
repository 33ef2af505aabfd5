// The procedure as a checklist with live progress; each step opens (or focuses) the page where it is done.
import { stepStatuses, type Link, type StepId, type StepStatus } from '../core/flow';
import type { MessageId } from '../core/problem';
import type { DockerTaskStatus } from '../core/schemas';
import { t } from '../i18n';
import { Problems } from './Problems';
import { request } from './store';

const LABEL: Record<StepId, MessageId> = {
  policyCreated: 'stepPolicyCreated',
  roleCreated: 'stepRoleCreated',
  arnCaptured: 'stepArnCaptured',
  roleVerified: 'stepRoleVerified',
  arnSent: 'stepArnSent',
  linkConfirmed: 'stepLinkConfirmed',
};
const OPEN: Record<StepId, MessageId> = {
  policyCreated: 'stepOpenCreatePolicy',
  roleCreated: 'stepOpenCreateRole',
  arnCaptured: 'stepOpenRole',
  roleVerified: 'stepOpenRole',
  arnSent: 'stepOpenDockerCloud',
  linkConfirmed: 'stepOpenDockerCloud',
};
type Shown = StepStatus | 'sending';
const STATUS: Record<Shown, MessageId> = {
  done: 'stepStatusDone',
  next: 'stepStatusNext',
  failed: 'stepStatusFailed',
  todo: 'stepStatusTodo',
  sending: 'stepStatusSending',
};
const ICON: Record<Shown, string> = { done: '✓', next: '→', failed: '!', todo: '', sending: '' };

export function Checklist({ link, task }: { link: Link; task: DockerTaskStatus }) {
  const ns = link.settings.namespace;
  const sending = task !== null && task.namespace === ns && task.alreadyLinked === null;
  return (
    <ol class="checklist" aria-label={t('popupChecklistLabel', ns)}>
      {stepStatuses(link).map(({ step, status }) => {
        const shown: Shown = sending && (step === 'arnSent' || (step === 'linkConfirmed' && status !== 'done')) ? 'sending' : status;
        const problems = link.problems[step];
        return (
          <li key={step} class={`step ${shown}`} data-step={step} data-status={shown}>
            <span class="icon" aria-hidden="true">
              {ICON[shown]}
            </span>
            <div class="what">
              <span class="label">{t(LABEL[step])}</span>
              {/* The icon says done / to do at a glance; screen readers hear it. */}
              <span class={shown === 'done' || shown === 'todo' ? 'status sr-only' : 'status'}>{t(STATUS[shown])}</span>
              {/* While resending, the last attempt's problems are history. */}
              {!(shown === 'sending') && <Problems problems={problems} tone={status === 'done' ? 'note' : 'error'} />}
            </div>
            <button
              type="button"
              class={shown === 'next' || shown === 'failed' ? 'primary small' : 'secondary small'}
              aria-label={t('stepOpenFor', t(OPEN[step]), t(LABEL[step]))}
              onClick={() => void request({ kind: 'openStep', namespace: ns, step })}
            >
              {t(OPEN[step])}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
