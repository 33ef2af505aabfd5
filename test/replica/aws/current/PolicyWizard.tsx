/** @jsxImportSource react */
// "Create policy": Specify permissions (Visual | JSON editor) → Review and create.
// Routes: #/policies/create?step=addPermissions (older links: step=edit) → #/policies/create?step=review
import { useEffect, useRef, useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import Wizard from '@cloudscape-design/components/wizard';
import { createPolicy } from '../api';
import { config, t } from '../page';
import { navigate, type HashRoute } from '../route';
import { Delayed, HiddenCopies, JsonBlock, JsonEditor } from './common';
import { wizardStrings } from './wizard-strings';

/** The console's starting document in the JSON editor. */
export const DEFAULT_POLICY_DOCUMENT = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Statement1",
            "Effect": "Allow",
            "Action": [],
            "Resource": []
        }
    ]
}`;

export interface PolicyDraft {
  started: boolean;
  mode: 'visual' | 'json';
  document: string;
  documentError: string | null;
  name: string;
  description: string;
  nameError: string | null;
  submitting: boolean;
  /** The active step when the URL names none (config.aws.stepNames 'none'). */
  step: number;
}

export function newPolicyDraft(): PolicyDraft {
  return {
    started: false,
    mode: 'visual',
    document: DEFAULT_POLICY_DOCUMENT,
    documentError: null,
    name: '',
    description: '',
    nameError: null,
    submitting: false,
    step: 0,
  };
}

const STEPS = ['addPermissions', 'review'] as const;

function stepIndex(route: HashRoute, draft: PolicyDraft): number {
  if (config.aws.stepNames === 'none') return draft.step;
  const step = route.query.get('step');
  return step === 'review' ? 1 : 0;
}

/** The console-like message for a document that cannot become a policy, or null. */
export function policyDocumentError(text: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = String(error);
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, position).split('\n');
    return t.jsonSyntaxError(position, before.length, (before[before.length - 1] ?? '').length);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return t.policyNotObject;
  if (!('Version' in parsed)) return t.missingVersion;
  if (!('Statement' in parsed)) return t.missingStatement;
  return null;
}

export function PolicyWizard(props: {
  route: HashRoute;
  draft: PolicyDraft;
  setDraft: (update: (draft: PolicyDraft) => PolicyDraft) => void;
  onCreated: (name: string) => void;
}) {
  const { draft, setDraft, route } = props;
  const active = stepIndex(route, draft);
  const update = (patch: Partial<PolicyDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // The wizard lives in memory only: after a reload on a later step, start again at step 1.
  const lost = active > 0 && !draft.started;
  useEffect(() => {
    if (lost) navigate('#/policies/create?step=addPermissions', { replace: true });
    else if (active === 0 && !draft.started) update({ started: true });
  });
  if (lost) return null;

  const goTo = (index: number) => (config.aws.stepNames === 'none' ? update({ step: index }) : navigate(`#/policies/create?step=${STEPS[index]}`));

  const submit = async () => {
    const name = draft.name;
    if (!name) return update({ nameError: t.policyNameRequired });
    if (!/^[\w+=,.@-]{1,128}$/.test(name)) return update({ nameError: t.policyNameInvalid });
    update({ submitting: true, nameError: null });
    const result = await createPolicy({ name, description: draft.description, document: draft.document });
    if (!result.ok) return update({ submitting: false, nameError: result.error });
    props.onCreated(result.value.policy.name);
  };

  const steps = [
    {
      title: t.specifyPermissions,
      description: t.specifyPermissionsDescription,
      errorText: draft.documentError ?? undefined,
      content: <PermissionsStep draft={draft} update={update} />,
    },
    {
      title: t.reviewAndCreate,
      description: t.reviewAndCreateDescription,
      content: <ReviewStep draft={draft} update={update} />,
    },
  ];

  return (
    <Delayed key={route.raw}>
      <Wizard
        steps={steps}
        activeStepIndex={active}
        i18nStrings={wizardStrings()}
        submitButtonText={t.createPolicy}
        isLoadingNextStep={draft.submitting}
        onCancel={() => navigate('#/policies')}
        onSubmit={() => void submit()}
        onNavigate={({ detail }) => {
          if (detail.requestedStepIndex > active) {
            const error = policyDocumentError(draft.document);
            update({ documentError: error });
            if (error) return;
          }
          goTo(detail.requestedStepIndex);
        }}
      />
    </Delayed>
  );
}

function PermissionsStep({ draft, update }: { draft: PolicyDraft; update: (p: Partial<PolicyDraft>) => void }) {
  return (
    <>
      <HiddenCopies labels={[t.policyName, t.description]} />
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <SegmentedControl
                label={t.policyEditor}
                selectedId={draft.mode}
                onChange={({ detail }) => update({ mode: detail.selectedId as PolicyDraft['mode'] })}
                options={[
                  { id: 'visual', text: t.visual },
                  { id: 'json', text: t.json },
                ]}
              />
            }
          >
            {t.policyEditor}
          </Header>
        }
      >
        {draft.mode === 'json' ? (
          <PolicyJsonEditor draft={draft} update={update} />
        ) : (
          <VisualEditor />
        )}
      </Container>
    </>
  );
}

/**
 * The JSON editor. With config.aws.editorReapply, the component applies its own document in an effect a
 * moment after the editor exists, and puts it back after a change from outside: once, or for 6 s.
 */
function PolicyJsonEditor({ draft, update }: { draft: PolicyDraft; update: (p: Partial<PolicyDraft>) => void }) {
  const mode = config.aws.editorReapply;
  const [applied, setApplied] = useState(mode === 'never');
  const mountedAt = useRef(performance.now());
  const reverted = useRef(false);
  useEffect(() => {
    if (mode === 'never') return;
    const timer = setTimeout(() => {
      update({ document: DEFAULT_POLICY_DOCUMENT, documentError: null });
      setApplied(true);
    }, 400);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!applied || mode === 'never' || draft.document === DEFAULT_POLICY_DOCUMENT) return;
    if (mode === 'once' ? reverted.current : performance.now() - mountedAt.current > 6000) return;
    const timer = setTimeout(() => {
      reverted.current = true;
      update({ document: DEFAULT_POLICY_DOCUMENT });
    }, 150);
    return () => clearTimeout(timer);
  }, [draft.document, applied]);
  return (
    <JsonEditor
      ariaLabel={t.policyEditor}
      value={applied ? draft.document : ''}
      onChange={(document) => update({ document, documentError: null })}
    />
  );
}

/** A stand-in for the console's visual editor: enough to look the part, edits nothing. */
function VisualEditor() {
  const [service, setService] = useState<string | null>(null);
  const services = ['EC2', 'IAM', 'S3', 'STS'];
  return (
    <SpaceBetween size="m">
      <Header variant="h3">{t.visualSelectService}</Header>
      <FormField label={t.visualService}>
        <Select
          selectedOption={service ? { value: service, label: service } : null}
          onChange={({ detail }) => setService(detail.selectedOption.value ?? null)}
          options={services.map((s) => ({ value: s, label: s }))}
          placeholder={t.visualServicePlaceholder}
        />
      </FormField>
      <Button iconName="add-plus" disabled>
        {t.visualAddPermissions}
      </Button>
    </SpaceBetween>
  );
}

function ReviewStep({ draft, update }: { draft: PolicyDraft; update: (p: Partial<PolicyDraft>) => void }) {
  const showName = config.aws.drift.removeField !== 'policyName';
  return (
    <SpaceBetween size="l">
      <HiddenCopies labels={[t.policyName, t.description]} />
      <Container header={<Header variant="h2">{t.policyDetails}</Header>}>
        <SpaceBetween size="l">
          {showName && (
            <FormField
              label={t.policyName}
              description={t.policyNameDescription}
              constraintText={t.policyNameConstraint}
              errorText={draft.nameError ?? undefined}
            >
              <Input
                value={draft.name}
                onChange={({ detail }) => update({ name: detail.value, nameError: null })}
                placeholder={t.policyName}
              />
            </FormField>
          )}
          {!showName && draft.nameError && <Alert type="error">{draft.nameError}</Alert>}
          <FormField
            label={
              <>
                {t.description} - <i>{t.optional}</i>
              </>
            }
            constraintText={t.policyDescriptionConstraint}
          >
            <Textarea
              value={draft.description}
              onChange={({ detail }) => update({ description: detail.value })}
              placeholder={t.policyDescriptionPlaceholder}
            />
          </FormField>
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2">{t.permissionsDefined}</Header>}>
        <Box>
          <JsonBlock text={draft.document} label={t.permissionsDefined} />
        </Box>
      </Container>
    </SpaceBetween>
  );
}
