/** @jsxImportSource react */
// Pieces shared by the current-console pages: late rendering (drift) and the code editor.
import { useEffect, useState, type ReactNode } from 'react';
import Box from '@cloudscape-design/components/box';
import CodeEditor, { type CodeEditorProps } from '@cloudscape-design/components/code-editor';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Spinner from '@cloudscape-design/components/spinner';
import { config, t } from '../page';
import { ace } from './ace';

/** Renders children only after config.aws.renderDelayMs, with a spinner meanwhile (slow console). */
export function Delayed({ children }: { children: ReactNode }) {
  const delay = config.aws.renderDelayMs;
  const [ready, setReady] = useState(delay <= 0);
  useEffect(() => {
    if (delay <= 0) return;
    const timer = setTimeout(() => setReady(true), delay);
    return () => clearTimeout(timer);
  }, [delay]);
  if (ready) return <>{children}</>;
  return (
    <Box textAlign="center" padding="xxl" data-replica-loading="true">
      <Spinner size="large" /> {t.loading}
    </Box>
  );
}

/**
 * Drift (config.aws.drift.hiddenCopies): look-alike fields with these labels, mounted but hidden by the
 * stylesheet alone (replica.css), as a console that keeps a wizard's other steps rendered would have them.
 */
export function HiddenCopies({ labels }: { labels: string[] }) {
  if (!config.aws.drift.hiddenCopies) return null;
  return (
    <div className="replica-kept-mounted">
      {labels.map((label) => (
        <LookalikeField key={label} label={label} />
      ))}
    </div>
  );
}

/** A field of the replica's drift that holds its own value: any value of the plan in it is a wrong field. */
export function LookalikeField({ label }: { label: string }) {
  const [value, setValue] = useState('');
  return (
    <FormField label={label}>
      <Input value={value} onChange={({ detail }) => setValue(detail.value)} data-replica-lookalike="true" />
    </FormField>
  );
}

const editorI18n: CodeEditorProps.I18nStrings = {
  loadingState: t.editorLoading,
  errorState: t.editorError,
  errorStateRecovery: t.editorRetry,
  editorGroupAriaLabel: 'Code editor',
  statusBarGroupAriaLabel: 'Status bar',
  cursorPosition: t.editorCursor,
  errorsTab: t.editorErrors,
  warningsTab: t.editorWarnings,
  preferencesButtonAriaLabel: t.editorPreferences,
  paneCloseButtonAriaLabel: 'Close',
  preferencesModalHeader: t.editorPreferences,
  preferencesModalCancel: t.editorCancel,
  preferencesModalConfirm: t.editorConfirm,
  preferencesModalWrapLines: t.editorWrapLines,
  preferencesModalTheme: t.editorTheme,
  preferencesModalLightThemes: t.editorLight,
  preferencesModalDarkThemes: t.editorDark,
};

export function JsonEditor(props: { value: string; onChange: (value: string) => void; ariaLabel: string }) {
  const [preferences, setPreferences] = useState<Partial<CodeEditorProps.Preferences>>({ wrapLines: true });
  return (
    <CodeEditor
      ace={ace}
      language="json"
      value={props.value}
      onChange={({ detail }) => props.onChange(detail.value)}
      preferences={preferences}
      onPreferencesChange={({ detail }) => setPreferences(detail)}
      loading={false}
      i18nStrings={editorI18n}
      editorContentHeight={320}
      ariaLabel={props.ariaLabel}
    />
  );
}

/** Pretty JSON shown read-only, as on the review step and the trust relationships tab. */
export function JsonBlock({ text, label }: { text: string; label: string }) {
  return (
    <Box variant="code">
      <pre aria-label={label} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{text}</pre>
    </Box>
  );
}
