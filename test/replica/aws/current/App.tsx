/** @jsxImportSource react */
// The current IAM console: Cloudscape AppLayout, hash routes, wizards whose state lives in memory.
import { useRef, useState, type ReactNode } from 'react';
import AppLayout from '@cloudscape-design/components/app-layout';
import Box from '@cloudscape-design/components/box';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Button from '@cloudscape-design/components/button';
import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import Header from '@cloudscape-design/components/header';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import { I18nProvider } from '@cloudscape-design/components/i18n';
import messagesDe from '@cloudscape-design/components/i18n/messages/all.de';
import messagesEn from '@cloudscape-design/components/i18n/messages/all.en';
import messagesJa from '@cloudscape-design/components/i18n/messages/all.ja';
import { accountId, config, t } from '../page';
import { navigate, useHashRoute, type HashRoute } from '../route';
import { PoliciesList, RolesList } from './Lists';
import { newPolicyDraft, PolicyWizard, type PolicyDraft } from './PolicyWizard';
import { RoleDetails } from './RoleDetails';
import { newRoleDraft, RoleWizard, type RoleDraft } from './RoleWizard';

interface Flash {
  /** The route the message belongs to; it disappears once the user moves on. */
  path: string;
  items: FlashbarProps.MessageDefinition[];
}

export function CurrentConsole() {
  const route = useHashRoute();
  const [policyDraft, setPolicyDraft] = useState<PolicyDraft>(newPolicyDraft);
  const [roleDraft, setRoleDraft] = useState<RoleDraft>(() => newRoleDraft(route));
  const [flash, setFlash] = useState<Flash | null>(null);

  // Entering a wizard from elsewhere starts it afresh (and applies the prefill link parameters).
  const previous = useRef<HashRoute | null>(null);
  if (previous.current?.raw !== route.raw) {
    const before = previous.current;
    previous.current = route;
    if (before && route.path === 'policies/create' && before.path !== 'policies/create') setPolicyDraft(newPolicyDraft());
    if (before && route.path === 'roles/create') {
      const prefill = (r: HashRoute) => `${r.query.get('trustedEntityType')}|${r.query.get('awsAccount')}`;
      if (before.path !== 'roles/create' || (route.query.has('trustedEntityType') && prefill(before) !== prefill(route))) {
        setRoleDraft(newRoleDraft(route));
      }
    }
  }

  const flashItems = flash && flash.path === route.path ? flash.items : [];
  const dismiss = () => setFlash(null);

  let content: ReactNode;
  let crumbs: { text: string; href: string }[] = [];
  const roleDetails = /^roles\/details\/([^/]+)$/.exec(route.path);
  if (route.path === 'policies') {
    content = <PoliciesList />;
    crumbs = [{ text: t.policies, href: '#/policies' }];
  } else if (route.path === 'policies/create') {
    crumbs = [{ text: t.policies, href: '#/policies' }, { text: t.createPolicy, href: '#/policies/create' }];
    content = (
      <PolicyWizard
        route={route}
        draft={policyDraft}
        setDraft={setPolicyDraft}
        onCreated={(name) => {
          setFlash({
            path: 'policies',
            items: [{ id: 'created', type: 'success', content: t.policyCreated(name), dismissible: true, onDismiss: dismiss }],
          });
          setPolicyDraft(newPolicyDraft());
          navigate('#/policies');
        }}
      />
    );
  } else if (route.path === 'roles') {
    content = <RolesList />;
    crumbs = [{ text: t.roles, href: '#/roles' }];
  } else if (route.path === 'roles/create') {
    crumbs = [{ text: t.roles, href: '#/roles' }, { text: t.createRole, href: '#/roles/create' }];
    content = (
      <RoleWizard
        route={route}
        draft={roleDraft}
        setDraft={setRoleDraft}
        onCreated={(name) => {
          const details = `#/roles/details/${encodeURIComponent(name)}`;
          setFlash({
            path: 'roles',
            items: [
              {
                id: 'created',
                type: 'success',
                content: t.roleCreated(name),
                dismissible: true,
                onDismiss: dismiss,
                action: <Button onClick={() => navigate(details)}>{t.viewRole}</Button>,
              },
            ],
          });
          setRoleDraft(newRoleDraft());
          navigate('#/roles');
        }}
      />
    );
  } else if (roleDetails) {
    const name = decodeURIComponent(roleDetails[1] ?? '');
    crumbs = [{ text: t.roles, href: '#/roles' }, { text: name, href: `#/roles/details/${roleDetails[1]}` }];
    content = <RoleDetails route={route} roleName={name} />;
  } else {
    content = (
      <Box padding="l">
        <Header variant="h1">{t.serviceName}</Header>
      </Box>
    );
  }

  const messages = { en: messagesEn, ja: messagesJa, de: messagesDe }[config.aws.locale] ?? messagesEn;
  return (
    <I18nProvider locale={config.aws.locale} messages={[messages]}>
      <TopNavigation />
      <AppLayout
        headerSelector="#awsc-nav-header"
        contentType={route.path.endsWith('/create') ? 'wizard' : 'table'}
        toolsHide
        notifications={<Flashbar items={flashItems} />}
        breadcrumbs={<BreadcrumbGroup items={[{ text: t.breadcrumbIam, href: '#/home' }, ...crumbs]} />}
        navigation={
          <SideNavigation
            header={{ text: 'IAM', href: '#/home' }}
            activeHref={`#/${route.path.split('/')[0]}`}
            items={[
              { type: 'link', text: t.navDashboard, href: '#/home' },
              {
                type: 'section',
                text: t.navAccessManagement,
                items: [
                  { type: 'link', text: t.navUserGroups, href: '#/groups' },
                  { type: 'link', text: t.navUsers, href: '#/users' },
                  { type: 'link', text: t.navRoles, href: '#/roles' },
                  { type: 'link', text: t.navPolicies, href: '#/policies' },
                ],
              },
            ]}
          />
        }
        content={content}
      />
    </I18nProvider>
  );
}

/** The console's dark top bar, with the account menu's copy button the console marks with a test id. */
function TopNavigation() {
  const dashed = accountId.replace(/(\d{4})(\d{4})(\d{4})/, '$1-$2-$3');
  return (
    <header id="awsc-nav-header" className="replica-top-nav">
      <span className="replica-logo">aws</span>
      <span>Services</span>
      {config.aws.headerSearchDecoy && (
        // The console's global search ("concierge"): a search input on every page, outside its main content.
        <input type="search" data-testid="awsc-concierge-input" placeholder="Search" aria-label="Search" className="replica-global-search" />
      )}
      <span className="replica-spacer" />
      <span>Global</span>
      <span data-testid="awsc-nav-account-menu-button">
        Account ID: {dashed}{' '}
        <button type="button" data-testid="awsc-copy-accountid" onClick={() => void navigator.clipboard?.writeText(accountId)}>
          Copy
        </button>
      </span>
    </header>
  );
}
