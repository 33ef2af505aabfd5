// Several namespaces side by side: pick one, or add another.
import { useId } from 'preact/hooks';
import { t } from '../i18n';
import { request } from './store';

export function NamespaceSwitcher({ namespaces, active, onAdd }: { namespaces: string[]; active: string | null; onAdd: () => void }) {
  const id = useId();
  return (
    <div class="switcher">
      <label for={id}>{t('popupNamespaceSwitchLabel')}</label>
      <select
        id={id}
        value={active ?? ''}
        onChange={(e) => {
          const namespace = e.currentTarget.value;
          if (namespaces.includes(namespace)) void request({ kind: 'selectLink', namespace: namespace as never });
        }}
      >
        {namespaces.map((ns) => (
          <option key={ns} value={ns}>
            {ns}
          </option>
        ))}
      </select>
      <button type="button" class="secondary small" onClick={onAdd}>
        {t('popupAddNamespace')}
      </button>
    </div>
  );
}
