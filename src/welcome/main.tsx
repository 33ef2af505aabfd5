// The page opened on install: what will happen, in three lines, then the popup's own form and checklist.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../browser';
import { t } from '../i18n';
import { Shell } from '../popup/App';
import { useBackgroundState } from '../popup/store';
import '../popup/popup.css';
import './welcome.css';

/** The keys that open the popup, as the browser has them (the user may have changed or cleared them). */
export function usePopupShortcut(): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    browser.commands
      .getAll()
      .then((commands) => setShortcut(commands.find((c) => c.name === '_execute_action')?.shortcut || null))
      .catch(() => setShortcut(null));
  }, []);
  return shortcut;
}

function Welcome() {
  const loaded = useBackgroundState();
  const shortcut = usePopupShortcut();
  return (
    <Shell loaded={loaded} class="welcome">
      <header>
        <img src="/assets/icon-48.png" alt="" width={40} height={40} />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <ol class="intro">
        <li>{t('welcomeLine1')}</li>
        <li>{t('welcomeLine2')}</li>
        <li>{t('welcomeLine3')}</li>
      </ol>
      <p class="pin" data-testid="pin">
        {shortcut === null ? t('welcomePin') : t('welcomePinShortcut', shortcut)}
      </p>
    </Shell>
  );
}

document.title = t('welcomeTitle');
document.documentElement.lang = browser.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';
render(<Welcome />, document.getElementById('app')!);
