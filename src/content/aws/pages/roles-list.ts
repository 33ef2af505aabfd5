// The roles list: after Create role, the console's "Role … created." flash confirms the step and its
// "View role" button is next; otherwise, while the role is the next step, point at Create role.
import { t } from '../../../i18n';
import { buttonByText, found, one, successFlashes } from '../dom/find';
import { waitFor } from '../dom/wait';
import { reportRoleCreated } from '../messages';
import { definePage } from '../page';
import { rolesList } from '../routes';
import { mentionsName } from './filling';

export default definePage(rolesList, async ({ plan, guide }, signal) => {
  const flash = await waitFor(() => successFlashes().find((el) => mentionsName(el.textContent ?? '', plan.roleName)), { signal, timeout: 3000 });
  if (signal.aborted) return;
  if (flash) {
    await reportRoleCreated(plan.roleName);
    // "View role" in the flash; the 2016 console has none, so the role's link in the list.
    const view = buttonByText('viewRole', flash);
    const link = () => one([...document.querySelectorAll('a')].filter((a) => a.textContent?.trim() === plan.roleName));
    // The 2016 list loads its rows after the flash: its role link is waited for, not looked for once.
    const target = found(view) ?? (await waitFor(() => found(link()), { signal, timeout: 5000 }));
    if (signal.aborted) return;
    guide.show({ title: t('awsRoleCreatedNext', plan.roleName), tone: 'success' }, target);
    return;
  }
  if (plan.nextStep !== 'roleCreated') return;
  const create = await waitFor(() => found(buttonByText('createRole')), { signal });
  if (create) guide.show({ title: t('awsRolesListCreate', plan.roleName) }, create);
});
