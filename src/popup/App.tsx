// The popup: setup on first run, then the active namespace's checklist and Role ARN.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Link } from '../core/flow';
import { progressOf } from '../core/progress';
import type { DockerTaskStatus, PopupView } from '../core/schemas';
import { t } from '../i18n';
import { ArnPanel } from './ArnPanel';
import { Checklist } from './Checklist';
import { Confirm } from './Confirm';
import { useFocusAfterRender } from './focus';
import { HostAccess } from './HostAccess';
import { NamespaceSwitcher } from './NamespaceSwitcher';
import { ACTION, NextAction } from './NextAction';
import { ScriptOrTemplate } from './ScriptOrTemplate';
import { SetupForm } from './SetupForm';
import { request, useBackgroundState, type Loaded } from './store';

export function App() {
  const loaded = useBackgroundState();
  return (
    <Shell loaded={loaded}>
      <header>
        <img src="/assets/icon-32.png" alt="" width={20} height={20} />
        <h1>{t('extensionName')}</h1>
      </header>
    </Shell>
  );
}

/** The page around the form or checklist, shared by the popup and the welcome page. */
export function Shell({ loaded, children, class: className = 'popup' }: { loaded: Loaded; children: ComponentChildren; class?: string }) {
  return (
    <main class={className} aria-busy={loaded.status === 'loading'}>
      <Announcer loaded={loaded} />
      {/* Until state arrives the page keeps its size and shows nothing: no flash of a first-run form. */}
      {loaded.status !== 'loading' && (
        <>
          {children}
          <HostAccess />
          {loaded.status === 'failed' ? <p class="problems error" role="alert">{t('popupNoAnswer')}</p> : <Main view={loaded.view} />}
        </>
      )}
    </main>
  );
}

/** What changed, said politely to screen readers. The region is there, empty, before anything is said. */
function Announcer({ loaded }: { loaded: Loaded }) {
  const said = loaded.status === 'ready' ? announcement(loaded.view) : '';
  const [text, setText] = useState('');
  const previous = useRef<string | null>(null);
  // What the page shows when it opens is read with the page; only later changes are announced.
  useEffect(() => {
    if (loaded.status !== 'ready') return;
    if (previous.current !== null && said !== previous.current) setText(said);
    previous.current = said;
  }, [said, loaded.status]);
  return (
    <p class="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </p>
  );
}

function announcement(view: PopupView): string {
  const ns = view.state.activeNamespace;
  const link = ns === null ? undefined : view.state.links[ns];
  if (link === undefined) return '';
  const task = view.dockerTask;
  if (task !== null && task.namespace === ns && task.alreadyLinked === null) return t('popupSending', ns ?? '');
  const p = progressOf(link, task);
  if (p.linked) return t('popupLinkedText', link.settings.namespace);
  if (p.attention) return t('popupAnnounceAttention', link.settings.namespace);
  return t('popupAnnounceProgress', link.settings.namespace, String(p.done), String(p.total), p.next === null ? '' : t(ACTION[p.next]));
}

export function Main({ view }: { view: PopupView }) {
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
      {view.lostLinks.length > 0 && (
        <p class="problems error" role="alert">
          {t('popupRecoveredLinks', view.lostLinks.join(', '))}{' '}
          <button type="button" onClick={() => void request({ kind: 'dismissRecovered' })}>
            {t('popupRecoveredDismiss')}
          </button>
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
        <SetupForm
          links={links}
          onCancel={
            links.length > 0 && active !== undefined
              ? () => setAdding(false)
              : undefined
          }
        />
      ) : (
        <LinkView key={active.settings.namespace} link={active} task={view.dockerTask} />
      )}
    </>
  );
}

function LinkView({ link, task }: { link: Link; task: DockerTaskStatus }) {
  const ns = link.settings.namespace;
  const policy = link.settings.policy;
  const [confirming, setConfirming] = useState<'startOver' | 'removeLink' | null>(null);
  const openers = { startOver: useRef<HTMLButtonElement>(null), removeLink: useRef<HTMLButtonElement>(null) };
  const progress = progressOf(link, task);
  const focusAfterRender = useFocusAfterRender();
  const cancel = () => {
    if (confirming !== null) focusAfterRender(openers[confirming]);
    setConfirming(null);
  };
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
      {progress.linked && <Linked link={link} task={task} />}
      <Checklist link={link} task={task} />
      <ArnPanel link={link} showHint={progress.next === 'arnCaptured'} />
      {/* Another way to make the policy and role: of no use once they exist. */}
      {progress.done < 2 && <ScriptOrTemplate link={link} />}
      <footer>
        {confirming === null ? (
          <>
            <button type="button" class="link" ref={openers.startOver} onClick={() => setConfirming('startOver')}>
              {t('popupStartOver')}
            </button>
            <button type="button" class="link danger" ref={openers.removeLink} onClick={() => setConfirming('removeLink')}>
              {t('popupRemove')}
            </button>
          </>
        ) : (
          <Confirm
            label={t(confirming === 'startOver' ? 'popupStartOver' : 'popupRemove')}
            question={t(confirming === 'startOver' ? 'popupStartOverConfirm' : 'popupRemoveConfirm', ns)}
            yes={t(confirming === 'startOver' ? 'popupStartOverYes' : 'popupRemoveYes')}
            onYes={() => {
              // The pressed button goes away: the next action that replaces it takes the focus (focus.ts).
              void request({ kind: confirming, namespace: ns });
              setConfirming(null);
            }}
            onCancel={cancel}
          />
        )}
      </footer>
    </>
  );
}

/** Done: said plainly, with sending again as a secondary choice (starting over is in the footer). */
function Linked({ link, task }: { link: Link; task: DockerTaskStatus }) {
  const id = useId();
  return (
    <section class="linked" aria-labelledby={`${id}-title`} data-testid="linked">
      <h2 id={`${id}-title`}>
        <span class="icon" aria-hidden="true">
          ✓
        </span>
        {t('stepLinkConfirmed')}
      </h2>
      <p>{t('popupLinkedText', link.settings.namespace)}</p>
      <NextAction link={link} step="linked" task={task} />
    </section>
  );
}
