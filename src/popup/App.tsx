// The popup: setup on first run, then the active namespace's checklist and Role ARN.
import { useEffect, useState } from 'preact/hooks';
import type { Link } from '../core/flow';
import type { PopupView } from '../core/schemas';
import { t } from '../i18n';
import { ArnPanel } from './ArnPanel';
import { Checklist } from './Checklist';
import { HostAccess } from './HostAccess';
import { NamespaceSwitcher } from './NamespaceSwitcher';
import { ScriptOrTemplate } from './ScriptOrTemplate';
import { SetupForm } from './SetupForm';
import { request, useBackgroundState } from './store';

export function App() {
  const loaded = useBackgroundState();
  // Until state arrives the popup keeps its size and shows nothing: no flash of a first-run form.
  if (loaded.status === 'loading') return <main class="popup" aria-busy="true" />;
  return (
    <main class="popup">
      <header>
        <img src="/assets/icon-32.png" alt="" width={20} height={20} />
        <h1>{t('extensionName')}</h1>
      </header>
      <HostAccess />
      {loaded.status === 'failed' ? <p class="problems error" role="alert">{t('popupNoAnswer')}</p> : <Main view={loaded.view} />}
    </main>
  );
}

function Main({ view }: { view: PopupView }) {
  const [adding, setAdding] = useState(false);
  const links = Object.values(view.state.links);
  const namespaces = Object.keys(view.state.links).sort();
  const active = view.state.activeNamespace !== null ? view.state.links[view.state.activeNamespace] : undefined;
  // A saved namespace becomes active: leave the form for its checklist.
  const [activeWhenAdding, setActiveWhenAdding] = useState<string | null>(null);
  // Once another namespace is active (saved, or switched to), the "add" form has done its job.
  useEffect(() => setAdding(false), [view.state.activeNamespace]);
  const showForm = links.length === 0 || active === undefined || (adding && view.state.activeNamespace === activeWhenAdding);
  return (
    <>
      {view.recovered !== null && (
        <p class="problems error" role="alert">
          {view.recovered === 'corrupt' ? t('popupRecoveredCorrupt') : t('popupRecoveredNewer')}
        </p>
      )}
      {namespaces.length > 0 && !showForm && (
        <NamespaceSwitcher
          namespaces={namespaces}
          active={view.state.activeNamespace}
          onAdd={() => {
            setActiveWhenAdding(view.state.activeNamespace);
            setAdding(true);
          }}
        />
      )}
      {showForm || active === undefined ? (
        <SetupForm links={links} onCancel={links.length > 0 && active !== undefined ? () => setAdding(false) : undefined} />
      ) : (
        <LinkView key={active.settings.namespace} link={active} view={view} />
      )}
    </>
  );
}

function LinkView({ link, view }: { link: Link; view: PopupView }) {
  const ns = link.settings.namespace;
  const policy = link.settings.policy;
  const [confirming, setConfirming] = useState<'startOver' | 'removeLink' | null>(null);
  return (
    <>
      <dl class="summary">
        <dt>{t('popupExternalId')}</dt>
        <dd>
          <code>{ns}</code>
        </dd>
        <dt>{t('popupRoleName')}</dt>
        <dd>
          <code>{link.settings.roleName}</code>
        </dd>
        <dt>{t('popupPolicy')}</dt>
        <dd>
          {policy.region === null ? t('popupPolicySummaryAll') : t('popupPolicySummaryRegion', policy.region)}
          {policy.passRole ? t('popupPolicySummaryPassRole') : ''}
        </dd>
      </dl>
      <Checklist link={link} task={view.dockerTask} />
      <ArnPanel link={link} task={view.dockerTask} />
      <ScriptOrTemplate link={link} />
      <footer>
        {confirming === null ? (
          <>
            <button type="button" class="link" onClick={() => setConfirming('startOver')}>
              {t('popupStartOver')}
            </button>
            <button type="button" class="link danger" onClick={() => setConfirming('removeLink')}>
              {t('popupRemove')}
            </button>
          </>
        ) : (
          <div class="confirm" role="group" aria-label={t(confirming === 'startOver' ? 'popupStartOver' : 'popupRemove')}>
            <p>{t(confirming === 'startOver' ? 'popupStartOverConfirm' : 'popupRemoveConfirm', ns)}</p>
            <button
              type="button"
              class="primary small"
              onClick={() => {
                void request({ kind: confirming, namespace: ns });
                setConfirming(null);
              }}
            >
              {t(confirming === 'startOver' ? 'popupStartOverYes' : 'popupRemoveYes')}
            </button>
            <button type="button" class="secondary small" onClick={() => setConfirming(null)}>
              {t('popupCancel')}
            </button>
          </div>
        )}
      </footer>
    </>
  );
}
