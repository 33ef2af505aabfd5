// The policies list: after Create policy, the console's "Policy … created." flash confirms the step;
// otherwise, while the policy is the next step, point at Create policy.
import { t } from '../../../i18n';
import { roleCreateHash } from '../../../core/console-routes';
import { buttonByText, found, successFlashes } from '../dom/find';
import { waitFor } from '../dom/wait';
import { reportPolicyCreated } from '../messages';
import { definePage, type Plan } from '../page';
import { policiesList } from '../routes';
import { mentionsName } from './filling';
import { hasButton, hasField, inWizard } from './signatures';

const createdFlash = (plan: Plan) => successFlashes().find((el) => mentionsName(el.textContent ?? '', plan.policyName));

export default definePage({
  id: 'policiesList',
  checklistStep: 'policyCreated',
  hints: [policiesList],
  // A list offers Create policy outside any wizard; the wizard's last step (Previous, the name) is not it.
  signature: (plan) => createdFlash(plan) !== undefined || (hasButton('createPolicy') && !inWizard() && !hasField('policyName') && !hasField('policyDocument')),
  run: async ({ plan, guide }, signal) => {
    const flash = await waitFor(() => createdFlash(plan), { signal, timeout: 3000 });
    if (signal.aborted) return;
    if (flash) {
      await reportPolicyCreated(plan.policyName);
      guide.show({
        title: t('awsPolicyCreatedNext', plan.policyName),
        tone: 'success',
        actions: [{ label: t('awsCreateRoleAction'), run: () => void (location.hash = roleCreateHash(plan)) }],
      });
      return;
    }
    if (plan.nextStep !== 'policyCreated') return;
    const create = await waitFor(() => found(buttonByText('createPolicy')), { signal });
    if (create) guide.show({ title: t('awsPoliciesListCreate', plan.policyName) }, create);
  },
});

// Try: https://console.aws.amazon.com/iam/home#/policies (after Create policy: the success flash)
