// The link without the console: the same policy and role as a CloudShell script or a CloudFormation template,
// to copy or download; the Role ARN they print comes back through "Enter the Role ARN by hand".
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { buildCliScript, cliScriptFileName } from '../core/cli-script';
import { buildCloudFormationTemplate, templateFileName } from '../core/cloudformation';
import type { Link } from '../core/flow';
import type { MessageId, Result } from '../core/problem';
import { describe, t } from '../i18n';
import './ScriptOrTemplate.css';

export function ScriptOrTemplate({ link }: { link: Link }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const settings = link.settings;
  // A modal over the popup rather than more height: Chrome cuts popups at 600 px, and the checklist stays put.
  return (
    <section class="as-code">
      <button
        type="button"
        class="link"
        aria-haspopup="dialog"
        onClick={() => {
          dialog.current?.showModal();
          setOpen(true);
        }}
      >
        {t('popupAsCodeOpen')}
      </button>
      <dialog ref={dialog} class="as-code-panel" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        {open && (
          <>
            <h2 id={`${id}-title`}>{t('popupAsCodeOpen')}</h2>
            <p class="hint">{t('popupAsCodeIntro')}</p>
            <Artifact
              built={buildCliScript(settings)}
              fileName={cliScriptFileName(settings)}
              type="text/x-shellscript"
              title="popupAsCodeScriptTitle"
              where={t('popupAsCodeScriptWhere', cliScriptFileName(settings))}
              copy="popupAsCodeCopyScript"
              download="popupAsCodeDownloadScript"
            />
            <Artifact
              built={buildCloudFormationTemplate(settings)}
              fileName={templateFileName(settings)}
              type="application/json"
              title="popupAsCodeTemplateTitle"
              where={t('popupAsCodeTemplateWhere')}
              copy="popupAsCodeCopyTemplate"
              download="popupAsCodeDownloadTemplate"
            />
            <p class="way-back">{t('popupAsCodeWayBack')}</p>
            <button type="button" class="primary small" onClick={() => dialog.current?.close()}>
              {t('popupAsCodeBack')}
            </button>
          </>
        )}
      </dialog>
    </section>
  );
}

interface ArtifactProps {
  built: Result<string>;
  fileName: string;
  type: string;
  title: MessageId;
  where: string;
  copy: MessageId;
  download: MessageId;
}

function Artifact({ built, fileName, type, title, where, copy, download }: ArtifactProps) {
  const id = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  const text = built.ok ? built.value : null;
  // A Blob URL for <a download>: no downloads permission, and it is revoked when the panel closes.
  const url = useMemo(() => (text === null ? null : URL.createObjectURL(new Blob([text], { type }))), [text, type]);
  useEffect(() => () => (url === null ? undefined : URL.revokeObjectURL(url)), [url]);
  const copyText = () => {
    if (text === null) return;
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div class="artifact" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(title)}</h3>
      {url === null || built.ok === false ? (
        <p class="error">{built.ok ? null : describe(built.problem)}</p>
      ) : (
        <>
          <div class="actions">
            <button type="button" class="secondary small" onClick={copyText}>
              {copied === true ? t('popupCopied') : t(copy)}
            </button>
            <a class="button small" href={url} download={fileName}>
              {t(download)}
            </a>
          </div>
          {copied === false && <p class="error">{t('popupAsCodeCopyFailed')}</p>}
          <p class="hint">{where}</p>
        </>
      )}
    </div>
  );
}
