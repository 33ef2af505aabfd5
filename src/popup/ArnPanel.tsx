// The Role ARN: as captured (with a copy button), or pasted by hand. Sending it is the checklist's next action.
import { Fragment } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { parseRoleArn } from '../core/arn';
import type { Link } from '../core/flow';
import type { Problem } from '../core/problem';
import { describe, t } from '../i18n';
import { useFocusAfterRender } from './focus';
import { Problems } from './Problems';
import { request } from './store';

/** Lets a long ARN wrap after its `:` and `/` separators, never inside a name or an account id. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[:/])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

export function ArnPanel({ link, showHint }: { link: Link; showHint: boolean }) {
  const id = useId();
  const ns = link.settings.namespace;
  const arn = link.capturedRoleArn;
  const [copied, setCopied] = useState(false);
  const [editing, setEditing] = useState(false);
  const [pasted, setPasted] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    if (arn === null) return;
    await navigator.clipboard.writeText(arn).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  const parsed = parseRoleArn(pasted);
  const pastedError = pasted === '' ? null : parsed.ok ? null : describe(parsed.problem);
  const focusAfterRender = useFocusAfterRender();
  const close = () => {
    focusAfterRender(opener);
    setEditing(false);
  };
  const savePasted = async (e: Event) => {
    e.preventDefault();
    if (!parsed.ok) return field.current?.focus();
    const result = await request({ kind: 'enterRoleArn', namespace: ns, roleArn: pasted });
    setProblems(result);
    if (result.length === 0) {
      setPasted('');
      close();
    }
  };

  return (
    <section class="arn" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('popupArnTitle')}</h2>
      {arn === null ? (
        showHint && <p class="hint">{t('popupArnNone')}</p>
      ) : (
        <div class="row">
          <code class="arn-value" id={`${id}-value`} data-testid="captured-arn">
            <Breakable text={arn} />
          </code>
          <button type="button" class="secondary small" aria-describedby={`${id}-value`} onClick={() => void copy()}>
            {copied ? t('popupCopied') : t('popupCopy')}
          </button>
        </div>
      )}
      {editing ? (
        <form
          class="field"
          onSubmit={savePasted}
          noValidate
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <label for={`${id}-paste`}>{t('popupArnPasteLabel')}</label>
          <input
            id={`${id}-paste`}
            ref={field}
            type="text"
            value={pasted}
            spellcheck={false}
            autoFocus
            placeholder="arn:aws:iam::123456789012:role/dockercloud-role"
            aria-invalid={pastedError !== null}
            aria-describedby={`${id}-paste-error`}
            onInput={(e) => setPasted(e.currentTarget.value)}
          />
          <p id={`${id}-paste-error`} class="error">
            {pastedError}
          </p>
          <Problems problems={problems} />
          <div class="actions">
            <button type="submit" class="secondary small">
              {t('popupArnPasteSave')}
            </button>
            <button type="button" class="secondary small" onClick={close}>
              {t('popupCancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="link" ref={opener} onClick={() => setEditing(true)}>
          {arn === null ? t('popupArnPasteOpen') : t('popupArnPasteReplace')}
        </button>
      )}
    </section>
  );
}
