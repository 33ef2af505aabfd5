// The policies list: after Create policy, the console's "Policy … created." flash confirms the step;
// otherwise, while the policy is the next step, point at Create policy.
import { t } from '../../../i18n';
import { roleCreateHash } from '../../../core/console-routes';
import { buttonByText, found, successFlashes } from '../dom/find';
import { waitFor } from '../dom/wait';
import { reportPolicyCreated } from '../messages';
import { definePage } from '../page';
import { policiesList } from '../routes';
import { mentionsName } from './filling';

export default definePage(policiesList, async ({ plan, guide }, signal) => {
  const mentions = (el: HTMLElement) => mentionsName(el.textContent ?? '', plan.policyName);
  const flash = await waitFor(() => successFlashes().find(mentions), { signal, timeout: 3000 });
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
});
