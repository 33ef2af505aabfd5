// The procedure as a checklist with live progress: done steps say when, the next step holds the one action,
// later steps are plain text.
import browser from '../browser';
import { stepStatuses, type Link, type StepId, type StepStatus } from '../core/flow';
import type { MessageId } from '../core/problem';
import { progressOf } from '../core/progress';
import type { DockerTaskStatus } from '../core/schemas';
import { t } from '../i18n';
import { NextAction } from './NextAction';
import { Problems } from './Problems';

export const STEP_LABEL: Record<StepId, MessageId> = {
  policyCreated: 'stepPolicyCreated',
  roleCreated: 'stepRoleCreated',
  arnCaptured: 'stepArnCaptured',
  roleVerified: 'stepRoleVerified',
  arnSent: 'stepArnSent',
  linkConfirmed: 'stepLinkConfirmed',
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

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();
function when(ms: number): string {
  const date = new Date(ms);
  const locale = browser.i18n.getUILanguage();
  const options: Intl.DateTimeFormatOptions = sameDay(date, new Date()) ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function Checklist({ link, task }: { link: Link; task: DockerTaskStatus }) {
  const ns = link.settings.namespace;
  const sending = task !== null && task.namespace === ns && task.alreadyLinked === null;
  const { next } = progressOf(link, task);
  return (
    <ol class="checklist" aria-label={t('popupChecklistLabel', ns)}>
      {stepStatuses(link).map(({ step, status }) => {
        // The step holding the one next action is "next"; the flow's own next step may come later (policy after a pasted ARN).
        const ordered: StepStatus = status === 'failed' || status === 'done' ? status : step === next ? 'next' : 'todo';
        const shown: Shown = sending && (step === 'arnSent' || (step === 'linkConfirmed' && status !== 'done')) ? 'sending' : ordered;
        const done = link.done[step];
        return (
          <li key={step} class={`step ${shown}`} data-step={step} data-status={shown}>
            <span class="icon" aria-hidden="true">
              {ICON[shown]}
            </span>
            <div class="what">
              <span class="label">{t(STEP_LABEL[step])}</span>
              {done !== undefined ? (
                <span class="status">{t('stepDoneAt', when(done))}</span>
              ) : (
                // The next step's button says it all; screen readers still hear the status.
                <span class={shown === 'todo' || shown === 'next' ? 'status sr-only' : 'status'}>{t(STATUS[shown])}</span>
              )}
              {/* While resending, the last attempt's problems are history. */}
              {shown !== 'sending' && <Problems problems={link.problems[step]} tone={status === 'done' ? 'note' : 'error'} />}
              {step === next && <NextAction link={link} step={step} task={task} />}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
