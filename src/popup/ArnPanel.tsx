// The Role ARN: as captured (with a copy button), or pasted by hand; and sending it to Docker Cloud.
import { useId, useState } from 'preact/hooks';
import { parseRoleArn } from '../core/arn';
import type { Link } from '../core/flow';
import type { Problem } from '../core/problem';
import type { DockerTaskStatus } from '../core/schemas';
import { describe, t } from '../i18n';
import { Problems } from './Problems';
import { request } from './store';

export function ArnPanel({ link, task }: { link: Link; task: DockerTaskStatus }) {
  const id = useId();
  const ns = link.settings.namespace;
  const arn = link.capturedRoleArn;
  const [copied, setCopied] = useState(false);
  const [editing, setEditing] = useState(false);
  const [pasted, setPasted] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);

  const copy = async () => {
    if (arn === null) return;
    await navigator.clipboard.writeText(arn).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  const parsed = parseRoleArn(pasted);
  const pastedError = pasted === '' ? null : parsed.ok ? null : describe(parsed.problem);
  const savePasted = async (e: Event) => {
    e.preventDefault();
    if (!parsed.ok) return;
    const result = await request({ kind: 'enterRoleArn', namespace: ns, roleArn: pasted });
    setProblems(result);
    if (result.length === 0) {
      setEditing(false);
      setPasted('');
    }
  };

  return (
    <section class="arn" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('popupArnTitle')}</h2>
      {arn === null ? (
        <p class="hint">{t('popupArnNone')}</p>
      ) : (
        <div class="row">
          <code class="arn-value" id={`${id}-value`} data-testid="captured-arn">
            {arn}
          </code>
          <button type="button" class="secondary small" aria-describedby={`${id}-value`} onClick={() => void copy()}>
            {copied ? t('popupCopied') : t('popupCopy')}
          </button>
        </div>
      )}
      {editing ? (
        <form class="field" onSubmit={savePasted} noValidate>
          <label for={`${id}-paste`}>{t('popupArnPasteLabel')}</label>
          <input
            id={`${id}-paste`}
            type="text"
            value={pasted}
            spellcheck={false}
            placeholder="arn:aws:iam::123456789012:role/dockercloud-role"
            aria-invalid={pastedError !== null}
            aria-describedby={`${id}-paste-error`}
            onInput={(e) => setPasted(e.currentTarget.value)}
          />
          <p id={`${id}-paste-error`} class="error" aria-live="polite">
            {pastedError}
          </p>
          <Problems problems={problems} />
          <div class="actions">
            <button type="submit" class="primary small">
              {t('popupArnPasteSave')}
            </button>
            <button type="button" class="secondary small" onClick={() => setEditing(false)}>
              {t('popupCancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="link" onClick={() => setEditing(true)}>
          {arn === null ? t('popupArnPasteOpen') : t('popupArnPasteReplace')}
        </button>
      )}
      <SendPanel link={link} task={task} />
    </section>
  );
}

function SendPanel({ link, task }: { link: Link; task: DockerTaskStatus }) {
  const id = useId();
  const ns = link.settings.namespace;
  const [confirmed, setConfirmed] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const mine = task !== null && task.namespace === ns ? task : null;
  const verified = link.done.roleVerified !== undefined;
  const send = async (replaceExisting: boolean) => setProblems(await request({ kind: 'sendToDockerCloud', namespace: ns, replaceExisting }));

  if (mine !== null && mine.alreadyLinked === null) {
    return (
      <div class="send" role="status">
        <p class="progress">
          <span class="spinner" aria-hidden="true" />
          {t('popupSending', ns)}
        </p>
        <button type="button" class="secondary small" onClick={() => void request({ kind: 'cancelDockerTask', namespace: ns })}>
          {t('popupSendCancel')}
        </button>
      </div>
    );
  }
  if (mine !== null) {
    return (
      <div class="send">
        <button type="button" class="primary" onClick={() => void send(true)}>
          {t('popupReplaceLink')}
        </button>
        {mine.alreadyLinked === 'access-key' && <p class="hint">{t('popupReplaceAccessKeyHint')}</p>}
        <button type="button" class="secondary small" onClick={() => void request({ kind: 'cancelDockerTask', namespace: ns })}>
          {t('popupCancel')}
        </button>
        <Problems problems={problems} />
      </div>
    );
  }
  const blocked = link.capturedRoleArn === null || (!verified && !confirmed);
  return (
    <div class="send">
      {link.capturedRoleArn === null ? (
        <p class="hint" id={`${id}-why`}>
          {t('popupSendNeedsArn')}
        </p>
      ) : (
        !verified && (
          <>
            <p class="warning" id={`${id}-why`}>
              {t('popupNotVerified')}
            </p>
            <label class="choice">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
              {t('popupSendUnverifiedConfirm')}
            </label>
          </>
        )
      )}
      <button type="button" class="primary" disabled={blocked} aria-describedby={blocked ? `${id}-why` : undefined} onClick={() => void send(false)}>
        {link.done.linkConfirmed !== undefined ? t('popupSendAgain') : t('popupSend')}
      </button>
      <Problems problems={problems} />
    </div>
  );
}
