/** @jsxImportSource react */
// "Create role": Select trusted entity → Add permissions → Name, review, and create.
// Routes: #/roles/create?step=selectEntities (prefill: &trustedEntityType=AWS_ACCOUNT&awsAccount=<id>)
//         #/roles/create?step=addPermissions, #/roles/create?step=review
import { useEffect, useMemo, useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import Textarea from '@cloudscape-design/components/textarea';
import Tiles from '@cloudscape-design/components/tiles';
import Wizard from '@cloudscape-design/components/wizard';
import { createRole, listPolicies } from '../api';
import { AWS_MANAGED_POLICIES, type PolicyRow } from '../managed-policies';
import { accountId, config, t } from '../page';
import { navigate, type HashRoute } from '../route';
import { buildTrustPolicy } from '../trust-policy';
import { Delayed, HiddenCopies, JsonBlock, LookalikeField } from './common';
import { wizardStrings } from './wizard-strings';

export type TrustedEntityType = 'AWS_SERVICE' | 'AWS_ACCOUNT' | 'WEB_IDENTITY' | 'SAML' | 'CUSTOM';

export interface RoleDraft {
  started: boolean;
  entityType: TrustedEntityType;
  account: 'this' | 'another';
  accountId: string;
  requireExternalId: boolean;
  externalId: string;
  requireMfa: boolean;
  policyArns: string[];
  roleName: string;
  description: string;
  errors: { entity?: string; accountId?: string; externalId?: string; roleName?: string };
  submitting: boolean;
  /** The active step when the URL names none (config.aws.stepNames 'none'). */
  step: number;
}

export function newRoleDraft(route?: HashRoute): RoleDraft {
  const draft: RoleDraft = {
    started: false,
    entityType: 'AWS_SERVICE',
    account: 'this',
    accountId: '',
    requireExternalId: false,
    externalId: '',
    requireMfa: config.aws.mfaPreticked,
    policyArns: [],
    roleName: '',
    description: '',
    errors: {},
    submitting: false,
    step: 0,
  };
  // Only these two prefill parameters are honoured; externalId, roleName, policies are not.
  if (route && config.aws.honourPrefillParams) {
    if (route.query.get('trustedEntityType') === 'AWS_ACCOUNT') draft.entityType = 'AWS_ACCOUNT';
    const awsAccount = route.query.get('awsAccount');
    if (awsAccount) {
      draft.account = awsAccount === accountId ? 'this' : 'another';
      draft.accountId = awsAccount;
    }
  }
  return draft;
}

// The step names in the URL drift: the permissions step singular, or no step in the URL at all.
const STEPS = ['selectEntities', config.aws.stepNames === 'singular' ? 'addPermission' : 'addPermissions', 'review'] as const;

function stepIndex(route: HashRoute, draft: RoleDraft): number {
  if (config.aws.stepNames === 'none') return draft.step;
  const step = route.query.get('step');
  if (step === STEPS[1]) return 1;
  if (step === 'review') return 2;
  return 0;
}

/** The trust policy the console would generate from the current choices. */
export function draftTrustPolicy(draft: RoleDraft): string {
  return buildTrustPolicy({
    accountId: draft.account === 'this' ? accountId : draft.accountId,
    externalId: draft.requireExternalId ? draft.externalId : null,
    requireMfa: draft.requireMfa,
  });
}

function validateEntityStep(draft: RoleDraft): RoleDraft['errors'] {
  if (draft.entityType !== 'AWS_ACCOUNT') return { entity: t.entityNotSupported };
  const errors: RoleDraft['errors'] = {};
  if (draft.account === 'another' && !/^\d{12}$/.test(draft.accountId)) errors.accountId = t.accountIdInvalid;
  if (draft.requireExternalId && !/^[\w+=,.@:/-]{2,1224}$/.test(draft.externalId)) errors.externalId = t.externalIdInvalid;
  return errors;
}

export function RoleWizard(props: {
  route: HashRoute;
  draft: RoleDraft;
  setDraft: (update: (draft: RoleDraft) => RoleDraft) => void;
  onCreated: (name: string) => void;
}) {
  const { draft, setDraft, route } = props;
  const active = stepIndex(route, draft);
  const update = (patch: Partial<RoleDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // The wizard lives in memory only: after a reload on a later step, start again at step 1.
  const lost = active > 0 && !draft.started;
  useEffect(() => {
    if (lost) {
      const query = new URLSearchParams(route.query);
      query.set('step', STEPS[0]);
      navigate(`#/roles/create?${query}`, { replace: true });
    } else if (active === 0 && !draft.started) update({ started: true });
  });
  if (lost) return null;

  const submit = async () => {
    const name = draft.roleName;
    if (!name) return update({ errors: { roleName: t.roleNameRequired } });
    if (!/^[\w+=,.@-]{1,64}$/.test(name)) return update({ errors: { roleName: t.roleNameInvalid } });
    update({ submitting: true, errors: {} });
    const result = await createRole({
      name,
      description: draft.description,
      trustPolicy: draftTrustPolicy(draft),
      attachedPolicyArns: draft.policyArns,
    });
    if (!result.ok) return update({ submitting: false, errors: { roleName: result.error } });
    props.onCreated(result.value.role.name);
  };

  const steps = [
    {
      title: t.selectTrustedEntity,
      errorText: draft.errors.entity,
      content: <EntityStep draft={draft} update={update} />,
    },
    { title: t.addPermissions, content: <PermissionsStep draft={draft} update={update} /> },
    { title: t.nameReviewCreate, content: <ReviewStep draft={draft} update={update} /> },
  ];

  return (
    <Delayed key={route.raw}>
      <Wizard
        steps={steps}
        activeStepIndex={active}
        i18nStrings={wizardStrings()}
        submitButtonText={t.createRole}
        isLoadingNextStep={draft.submitting}
        onCancel={() => navigate('#/roles')}
        onSubmit={() => void submit()}
        onNavigate={({ detail }) => {
          if (active === 0 && detail.requestedStepIndex > 0) {
            const errors = validateEntityStep(draft);
            update({ errors });
            if (Object.keys(errors).length > 0) return;
          }
          if (config.aws.stepNames === 'none') update({ step: detail.requestedStepIndex });
          else navigate(`#/roles/create?step=${STEPS[detail.requestedStepIndex]}`);
        }}
      />
    </Delayed>
  );
}

type StepProps = { draft: RoleDraft; update: (patch: Partial<RoleDraft>) => void };

function EntityStep({ draft, update }: StepProps) {
  const { drift } = config.aws;
  return (
    <SpaceBetween size="l">
      {drift.duplicateAccountIdField && <SwitchRoleLookalike />}
      <HiddenCopies labels={[t.accountId, t.externalId, t.roleName]} />
      <Container header={<Header variant="h2">{t.trustedEntityType}</Header>}>
        <Tiles
          ariaLabel={t.trustedEntityType}
          value={draft.entityType}
          onChange={({ detail }) => update({ entityType: detail.value as TrustedEntityType, errors: {} })}
          columns={3}
          items={[
            { value: 'AWS_SERVICE', label: t.tileAwsService, description: t.tileAwsServiceDescription },
            { value: 'AWS_ACCOUNT', label: t.tileAwsAccount, description: t.tileAwsAccountDescription },
            { value: 'WEB_IDENTITY', label: t.tileWebIdentity, description: t.tileWebIdentityDescription },
            { value: 'SAML', label: t.tileSaml, description: t.tileSamlDescription },
            { value: 'CUSTOM', label: t.tileCustom, description: t.tileCustomDescription },
          ]}
        />
      </Container>
      {draft.entityType === 'AWS_ACCOUNT' ? (
        <AwsAccountContainer draft={draft} update={update} />
      ) : (
        <Container header={<Header variant="h2" description={t.useCaseDescription}>{t.useCase}</Header>}>
          <Alert type="info">{t.entityNotSupported}</Alert>
        </Container>
      )}
    </SpaceBetween>
  );
}

function AwsAccountContainer({ draft, update }: StepProps) {
  const { drift } = config.aws;
  const accountItems = [
    { value: 'this', label: t.thisAccount(accountId) },
    { value: 'another', label: t.anotherAccount },
  ];
  if (drift.reorderFields) accountItems.reverse();

  const externalId = drift.removeField !== 'externalId' && (
    <SpaceBetween size="s" key="externalId">
      <Checkbox
        checked={draft.requireExternalId}
        onChange={({ detail }) => update({ requireExternalId: detail.checked, errors: { ...draft.errors, externalId: undefined } })}
      >
        {t.requireExternalId}
      </Checkbox>
      {draft.requireExternalId && (
        <FormField label={t.externalId} description={t.externalIdDescription} errorText={draft.errors.externalId}>
          <Input
            value={draft.externalId}
            onChange={({ detail }) => update({ externalId: detail.value, errors: { ...draft.errors, externalId: undefined } })}
          />
        </FormField>
      )}
    </SpaceBetween>
  );
  const mfa = (
    <Checkbox
      key="mfa"
      checked={draft.requireMfa}
      onChange={({ detail }) => update({ requireMfa: detail.checked })}
      description={t.requireMfaDescription}
    >
      {t.requireMfa}
    </Checkbox>
  );
  const options = drift.reorderFields ? [mfa, externalId] : [externalId, mfa];

  return (
    <Container header={<Header variant="h2" description={t.anAwsAccountDescription}>{t.anAwsAccount}</Header>}>
      <SpaceBetween size="l">
        <RadioGroup
          ariaLabel={t.anAwsAccount}
          value={draft.account}
          onChange={({ detail }) => update({ account: detail.value as RoleDraft['account'], errors: {} })}
          items={accountItems}
        />
        {draft.account === 'another' && drift.removeField !== 'accountId' && (
          <FormField label={t.accountId} description={t.accountIdDescription} errorText={draft.errors.accountId}>
            <Input
              value={draft.accountId}
              inputMode="numeric"
              onChange={({ detail }) => update({ accountId: detail.value, errors: { ...draft.errors, accountId: undefined } })}
            />
          </FormField>
        )}
        {draft.account === 'another' && drift.removeField === 'accountId' && draft.errors.accountId && (
          <Alert type="error">{draft.errors.accountId}</Alert>
        )}
        <FormField label={t.options}>
          <SpaceBetween size="m">{options}</SpaceBetween>
        </FormField>
      </SpaceBetween>
    </Container>
  );
}

/** Drift: an unrelated container that also has an "Account ID" field, placed first on the page. */
function SwitchRoleLookalike() {
  return (
    <Container header={<Header variant="h2" description={t.switchRoleDescription}>{t.switchRole}</Header>}>
      <LookalikeField label={t.accountId} />
    </Container>
  );
}

function usePolicyRows(): PolicyRow[] {
  const [customer, setCustomer] = useState<PolicyRow[]>([]);
  useEffect(() => {
    let live = true;
    void listPolicies().then((policies) => {
      if (live) {
        setCustomer(policies.map((p) => ({ name: p.name, arn: p.arn, kind: 'customer', description: p.description })));
      }
    });
    return () => {
      live = false;
    };
  }, []);
  return useMemo(
    () => [...AWS_MANAGED_POLICIES, ...customer].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())),
    [customer],
  );
}

function kindLabel(row: PolicyRow): string {
  return row.kind === 'customer' ? t.customerManaged : row.kind === 'job' ? t.jobFunction : t.awsManaged;
}

function PermissionsStep({ draft, update }: StepProps) {
  // With the header search decoy, the table renders 1.5 s after its step (the global search is there first).
  const [tableShown, setTableShown] = useState(!config.aws.headerSearchDecoy);
  useEffect(() => {
    if (tableShown) return;
    const timer = setTimeout(() => setTableShown(true), 1500);
    return () => clearTimeout(timer);
  }, []);
  if (!tableShown) return <Container header={<Header variant="h2">{t.permissionsPolicies}</Header>}>{t.loading}</Container>;
  return <PoliciesTable draft={draft} update={update} />;
}

function PoliciesTable({ draft, update }: StepProps) {
  const rows = usePolicyRows();
  const [filter, setFilter] = useState('');
  const visible = rows.filter((row) => row.name.toLowerCase().includes(filter.trim().toLowerCase()));
  const selected = rows.filter((row) => draft.policyArns.includes(row.arn));
  return (
    <Table
      variant="container"
      header={
        <Header
          variant="h2"
          counter={`(${selected.length}/${rows.length})`}
          description={t.permissionsPoliciesDescription}
        >
          {t.permissionsPolicies}
        </Header>
      }
      filter={
        <TextFilter
          filteringText={filter}
          filteringPlaceholder={t.filterPolicies}
          filteringAriaLabel={t.filterPolicies}
          countText={filter ? t.matches(visible.length) : undefined}
          onChange={({ detail }) => setFilter(detail.filteringText)}
        />
      }
      items={visible}
      trackBy="arn"
      selectionType="multi"
      selectedItems={selected}
      onSelectionChange={({ detail }) => update({ policyArns: detail.selectedItems.map((row) => row.arn) })}
      ariaLabels={{
        itemSelectionLabel: (_, row) => t.selectPolicy(row.name),
        allItemsSelectionLabel: () => t.selectAllPolicies,
        selectionGroupLabel: t.permissionsPolicies,
      }}
      columnDefinitions={[
        { id: 'name', header: t.policyName, cell: (row) => row.name },
        { id: 'type', header: t.policyType, cell: kindLabel },
        { id: 'description', header: t.description, cell: (row) => row.description },
      ]}
      empty={t.noPolicies}
    />
  );
}

function ReviewStep({ draft, update }: StepProps) {
  const rows = usePolicyRows();
  const selected = rows.filter((row) => draft.policyArns.includes(row.arn));
  const showName = config.aws.drift.removeField !== 'roleName';
  return (
    <SpaceBetween size="l">
      <HiddenCopies labels={[t.roleName, t.description]} />
      <Container header={<Header variant="h2">{t.roleDetails}</Header>}>
        <SpaceBetween size="l">
          {showName && (
            <FormField
              label={t.roleName}
              description={t.roleNameDescription}
              constraintText={t.roleNameConstraint}
              errorText={draft.errors.roleName}
            >
              <Input
                value={draft.roleName}
                onChange={({ detail }) => update({ roleName: detail.value, errors: {} })}
              />
            </FormField>
          )}
          {!showName && draft.errors.roleName && <Alert type="error">{draft.errors.roleName}</Alert>}
          <FormField label={t.description}>
            <Textarea
              value={draft.description}
              onChange={({ detail }) => update({ description: detail.value })}
              placeholder={t.roleDescriptionPlaceholder}
            />
          </FormField>
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2">{t.step1Trust}</Header>}>
        <FormField label={t.trustPolicy} stretch>
          <JsonBlock text={draftTrustPolicy(draft)} label={t.trustPolicy} />
        </FormField>
      </Container>
      <Table
        variant="container"
        header={<Header variant="h2" description={t.permissionsPolicySummary}>{t.step2Permissions}</Header>}
        items={selected}
        trackBy="arn"
        columnDefinitions={[
          { id: 'name', header: t.policyName, cell: (row) => row.name },
          { id: 'type', header: t.policyType, cell: kindLabel },
        ]}
        empty={t.noneSelected}
      />
    </SpaceBetween>
  );
}
