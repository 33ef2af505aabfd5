// The roles list: after Create role, the console's "Role … created." flash confirms the step and its
// "View role" button is next; otherwise, while the role is the next step, point at Create role.
import { t } from '../../../i18n';
import { buttonByText, found, inMain, one, successFlashes } from '../dom/find';
import { isLabel } from '../dom/labels';
import { waitFor } from '../dom/wait';
import { reportRoleCreated } from '../messages';
import { definePage, type Plan } from '../page';
import { rolesList } from '../routes';
import { mentionsName } from './filling';
import { hasButton, hasField, inWizard } from './signatures';

const createdFlash = (plan: Plan) => successFlashes().find((el) => mentionsName(el.textContent ?? '', plan.roleName));

export default definePage({
  id: 'rolesList',
  checklistStep: 'roleCreated',
  hints: [rolesList],
  signature: (plan) => createdFlash(plan) !== undefined || (hasButton('createRole') && !inWizard() && !hasField('roleName')),
  run: async ({ plan, guide }, signal) => {
    const flash = await waitFor(() => createdFlash(plan), { signal, timeout: 3000 });
    if (signal.aborted) return;
    if (flash) {
      await reportRoleCreated(plan.roleName);
      // "View role" in the flash; the 2016 console has none, so the role's link in the list.
      // The flash is the console's own (it may sit outside the main landmark): its button, read inside it.
      const view = one([...flash.querySelectorAll<HTMLElement>('button, a')].filter((b) => isLabel(b.textContent, 'viewRole')));
      const link = () => one(inMain<HTMLAnchorElement>('a').filter((a) => a.textContent?.trim() === plan.roleName));
      // The list may still be loading its rows when the flash shows: the role's link is waited for.
      const target = found(view) ?? (await waitFor(() => found(link()), { signal, timeout: 3000 }));
      if (!signal.aborted) guide.show({ title: t('awsRoleCreatedNext', plan.roleName), tone: 'success' }, target);
      return;
    }
    if (plan.nextStep !== 'roleCreated') return;
    const create = await waitFor(() => found(buttonByText('createRole')), { signal });
    if (create) guide.show({ title: t('awsRolesListCreate', plan.roleName) }, create);
  },
});

// Try: https://console.aws.amazon.com/iam/home#/roles (after Create role: the flash with "View role")
