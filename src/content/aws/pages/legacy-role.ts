// The legacy console's role wizard (#/roles$new?step=name|type|account|policies|review): each step filled
// as the original guide says, the one button to press pointed at; Create Role is the user's.
import { t } from '../../../i18n';
import { buttonByText, fieldByLabel, found, saysExists, switchByLabel } from '../dom/find';
import { waitFor, whenever } from '../dom/wait';
import type { GuideContent } from '../guide/guide';
import { definePage } from '../page';
import { legacyRoleCreate, legacyRoleDetails, roleNameInRoute } from '../routes';
import { Filling, STEP } from './filling';
import { selectButtonFor } from './legacy-policy';
import { readRole } from './role-details';
import { selectPolicyAlone } from './role-permissions';

/** What shows a step has rendered: the previous step's "Next Step" stays on the page for a moment after the hash changed. */
const STEP_SHOWN = {
  name: () => fieldByLabel('roleName').status !== 'missing',
  type: () => switchByLabel('crossAccountRole', 'radio').status !== 'missing',
  account: () => fieldByLabel('accountId').status !== 'missing' || fieldByLabel('externalId').status !== 'missing',
  // The policies step waits for its table's filter itself.
  policies: () => true,
  review: () => buttonByText('createRole').status !== 'missing',
} satisfies Record<string, () => boolean>;

export default definePage(legacyRoleCreate, async ({ plan, guide, route }, signal) => {
  const step = route.query.get('step') ?? 'name';
  let filling = new Filling();
  let content: GuideContent = { step: STEP.roleTrustedEntity, title: t('awsLegacyRoleNext') };
  let target = () => buttonByText('next');
  await waitFor(step in STEP_SHOWN ? STEP_SHOWN[step as keyof typeof STEP_SHOWN] : STEP_SHOWN.review, { signal });
  if (signal.aborted) return;

  if (step === 'name') filling.text(fieldByLabel('roleName'), t('awsFieldRoleName'), plan.roleName);
  else if (step === 'type') {
    filling.check(switchByLabel('crossAccountRole', 'radio'), true, t('awsFieldTrustedEntity'), 'Role for Cross-Account Access');
    content = { ...content, title: t('awsLegacyCrossAccount') };
    target = () => selectButtonFor('thirdPartyAccess');
  } else if (step === 'account') {
    filling.text(fieldByLabel('accountId'), t('awsFieldAccountId'), plan.trustedAccountId);
    filling.text(fieldByLabel('externalId'), t('awsFieldExternalId'), plan.externalId);
    filling.check(switchByLabel('requireMfa', 'checkbox'), false, t('awsFieldRequireMfa'), t('awsValueNotTicked'));
  } else if (step === 'policies') {
    const selected = await selectPolicyAlone(plan.policyName, signal);
    filling = selected.filling;
    content = { step: STEP.rolePermissions, title: t('awsLegacyRoleNext'), problems: selected.problems, tone: selected.problems.length ? 'error' : 'info' };
  } else {
    content = { step: STEP.roleReview, title: t('awsLegacyRoleCreate', plan.roleName) };
    target = () => buttonByText('createRole');
    whenever(() => saysExists(plan.roleName), signal, () =>
      guide.show({ step: STEP.roleReview, title: t('awsRoleExists', plan.roleName), tone: 'error', actions: [{ label: t('awsUseExistingRole'), run: () => void (location.hash = `#roles/${encodeURIComponent(plan.roleName)}`) }] }),
    );
  }
  await filling.confirm(signal);
  if (signal.aborted) return;
  const button = await waitFor(() => found(target()), { signal, timeout: 3000 });
  guide.show({ ...filling.shown, ...content }, button);
});

/** The legacy role page (#roles/<name>): Role ARN, permissions and trust relationships on one page. */
export const legacyRolePage = definePage(legacyRoleDetails, async (ctx, signal) => {
  const name = roleNameInRoute(ctx.route);
  if (name?.toLowerCase() === ctx.plan.roleName.toLowerCase()) await readRole(ctx, signal, name, false);
});
