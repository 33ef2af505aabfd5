// Firefox grants host permissions only when the user allows them; without them nothing on the pages works.
import { useEffect, useState } from 'preact/hooks';
import browser from '../browser';
import { t } from '../i18n';

const origins = (): string[] => browser.runtime.getManifest().host_permissions ?? [];

export function HostAccess() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    browser.permissions.contains({ origins: origins() }).then(setGranted, () => setGranted(false));
  }, []);
  if (granted !== false) return null;
  return (
    <div class="banner" role="alert">
      <p>{t('popupHostAccessNeeded')}</p>
      <button
        type="button"
        class="primary"
        // Called straight from the click: permissions.request needs the user's gesture.
        onClick={() => void browser.permissions.request({ origins: origins() }).then(setGranted, () => setGranted(false))}
      >
        {t('popupHostAccessAllow')}
      </button>
    </div>
  );
}
