// The 2016 console knows none of the current console's create links (its wizards live at "#/policies$new"
// and "#/roles$new"): where the checklist's link lands there, the same page of the old console is opened.
import { waitFor } from './dom/wait';
import { roleNameInRoute, type IamRoute } from './routes';

/** Which console this page is, once it has rendered: Cloudscape's scoped classes, or the old "#policies" navigation. */
function consoleGeneration(): 'current' | 'legacy' | null {
  if (document.querySelector('[class*="awsui_"]')) return 'current';
  return document.querySelector('a[href="#policies"], a[href="#roles"]') ? 'legacy' : null;
}

/** The old console's page for a current-console page, or null where there is none to open. */
function legacyHash(pageId: string, route: IamRoute): string | null {
  if (pageId === 'policyEditor' || pageId === 'policyReview') return '#/policies$new';
  if (pageId === 'roleTrustedEntity' || pageId === 'rolePermissions' || pageId === 'roleReview') return '#/roles$new?step=name';
  const role = pageId === 'roleDetails' ? roleNameInRoute(route) : null;
  return role === null ? null : `#roles/${encodeURIComponent(role)}`;
}

/** On the old console, replaces the location with its page for `pageId` and answers true. */
export async function openOnLegacyConsole(pageId: string, route: IamRoute, signal: AbortSignal): Promise<boolean> {
  const hash = legacyHash(pageId, route);
  if (hash === null) return false;
  if ((await waitFor(consoleGeneration, { signal })) !== 'legacy' || signal.aborted) return false;
  location.replace(hash);
  return true;
}
