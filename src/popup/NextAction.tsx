// The one primary action: the next step's. While Docker Cloud works, or waits for a choice, that is what it shows.
import { useRef, useState } from 'preact/hooks';
import type { Link, StepId } from '../core/flow';
import type { MessageId, Problem } from '../core/problem';
import type { DockerTaskStatus } from '../core/schemas';
import { t } from '../i18n';
import { Confirm } from './Confirm';
import { useFocusAfterRender, useTakesLostFocus } from './focus';
import { Problems } from './Problems';
import { request } from './store';

/** What the primary button says for each next step; past the ARN, the button is the send itself. */
export const ACTION: Record<StepId, MessageId> = {
  policyCreated: 'stepOpenCreatePolicy',
  roleCreated: 'stepOpenCreateRole',
  arnCaptured: 'stepOpenRole',
  roleVerified: 'stepOpenRole',
  arnSent: 'popupSend',
  linkConfirmed: 'popupSendAgain',
};
const SENDS: ReadonlySet<StepId> = new Set(['arnSent', 'linkConfirmed']);

export function NextAction({ link, step, task }: { link: Link; step: StepId | 'linked'; task: DockerTaskStatus }) {
  const ns = link.settings.namespace;
  const primary = useRef<HTMLButtonElement>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [confirmingUnverified, setConfirmingUnverified] = useState(false);
  const anyway = useRef<HTMLButtonElement>(null);
  useTakesLostFocus(primary);
  const focusAfterRender = useFocusAfterRender();
  const mine = task !== null && task.namespace === ns ? task : null;
  const send = async (replaceExisting: boolean) => setProblems(await request({ kind: 'sendToDockerCloud', namespace: ns, replaceExisting }));
  const stop = () => void request({ kind: 'cancelDockerTask', namespace: ns });

  if (mine !== null && mine.alreadyLinked === null) {
    return (
      <div class="send">
        <p class="progress">
          <span class="spinner" aria-hidden="true" />
          {t('popupSending', ns)}
        </p>
        <button type="button" class="secondary small" ref={primary} onClick={stop}>
          {t('popupSendCancel')}
        </button>
      </div>
    );
  }
  if (mine !== null) {
    return (
      <div class="send">
        {/* What Docker Cloud has already is said by the step's problem (the background's words), above. */}
        {mine.alreadyLinked === 'access-key' && <p class="hint">{t('popupReplaceAccessKeyHint')}</p>}
        <div class="actions">
          <button type="button" class="primary" ref={primary} onClick={() => void send(true)}>
            {t('popupReplaceLink')}
          </button>
          <button type="button" class="secondary" onClick={stop}>
            {t('popupCancel')}
          </button>
        </div>
        <Problems problems={problems} />
      </div>
    );
  }
  if (step === 'linked') {
    return (
      <div class="actions">
        <button type="button" class="secondary small" ref={primary} onClick={() => void send(false)}>
          {t('popupSendAgain')}
        </button>
        <Problems problems={problems} />
      </div>
    );
  }
  // Sending a role the extension could not check is possible, but only as a deliberate second choice.
  const unverified = step === 'roleVerified' && link.capturedRoleArn !== null;
  return (
    <div class="next-action">
      {unverified && <p class="hint">{(link.problems.roleVerified?.length ?? 0) > 0 ? t('popupVerifyFixHint') : t('popupNotVerified')}</p>}
      <div class="actions">
        <button
          type="button"
          class="primary"
          ref={primary}
          onClick={() => (SENDS.has(step) ? void send(false) : void request({ kind: 'openStep', namespace: ns, step }))}
        >
          {t(ACTION[step])}
        </button>
        {unverified && !confirmingUnverified && (
          <button type="button" class="link" ref={anyway} onClick={() => setConfirmingUnverified(true)}>
            {t('popupSendAnyway')}
          </button>
        )}
      </div>
      {confirmingUnverified && (
        <Confirm
          label={t('popupSendAnyway')}
          question={t('popupSendUnverifiedConfirm')}
          yes={t('popupSendAnywayYes')}
          onYes={() => {
            setConfirmingUnverified(false);
            void send(false);
          }}
          onCancel={() => {
            focusAfterRender(anyway);
            setConfirmingUnverified(false);
          }}
        />
      )}
      <Problems problems={problems} />
    </div>
  );
}
