// A question before something that cannot be undone: Cancel is focused, Esc cancels.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

interface Props {
  label: string;
  question: string;
  yes: string;
  onYes: () => void;
  onCancel: () => void;
}

export function Confirm({ label, question, yes, onYes, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  // On mount, not after a frame: a tab the browser is not painting runs no frames, and an Esc pressed at once must reach the group.
  useLayoutEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="group"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
    >
      <p>{question}</p>
      <button type="button" class="primary small" onClick={onYes}>
        {yes}
      </button>
      <button type="button" class="secondary small" ref={cancel} onClick={onCancel}>
        {t('popupCancel')}
      </button>
    </div>
  );
}
