// First run (and "add a namespace"): the Docker Cloud namespace, the policy's options, the role's name.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { DEFAULT_ROLE_NAME } from '../core/docker-cloud';
import type { Link } from '../core/flow';
import { parseNamespace, roleNameFor, validateRoleName } from '../core/names';
import type { Problem } from '../core/problem';
import { EC2_REGIONS } from '../core/regions';
import { describe, t } from '../i18n';
import { Problems } from './Problems';
import { request } from './store';

interface Props {
  links: Link[];
  /** Shown when there is a namespace to go back to. */
  onCancel?: () => void;
}

const REGIONS = Object.entries(EC2_REGIONS.aws);

export function SetupForm({ links, onCancel }: Props) {
  const id = useId();
  const [namespaceText, setNamespaceText] = useState('');
  const [touched, setTouched] = useState(false);
  const [limitRegion, setLimitRegion] = useState(false);
  const [region, setRegion] = useState('us-east-1');
  const [passRole, setPassRole] = useState(false);
  // A second namespace most likely links from the same AWS account: propose a role of its own.
  const [shared, setShared] = useState(links.length > 0);
  const [roleNameEdited, setRoleNameEdited] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const namespaceField = useRef<HTMLInputElement>(null);
  useEffect(() => namespaceField.current?.focus(), []);

  const parsed = parseNamespace(namespaceText);
  const existing = parsed.ok ? links.find((l) => l.settings.namespace === parsed.value) : undefined;
  const namespaceError = !parsed.ok
    ? touched || namespaceText !== ''
      ? describe(parsed.problem)
      : null
    : existing
      ? t('popupNamespaceExists', parsed.value)
      : null;
  const proposed = parsed.ok ? roleNameFor(parsed.value, shared) : DEFAULT_ROLE_NAME;
  const roleName = roleNameEdited ?? proposed;
  const role = validateRoleName(roleName);
  const roleTaken = links.find((l) => l.settings.roleName === roleName && l.settings.namespace !== (parsed.ok ? parsed.value : ''));
  const valid = parsed.ok && !existing && role.ok;
  const roleError = !role.ok ? describe(role.problem) : roleTaken ? t('popupRoleNameTaken', roleTaken.settings.namespace, roleName) : null;
  // A problem inside "Advanced" is never hidden behind it.
  const advancedShown = advancedOpen || roleError !== null;

  const submit = async (e: Event) => {
    e.preventDefault();
    setTouched(true);
    if (busy) return;
    if (!parsed.ok || existing) return namespaceField.current?.focus();
    if (!role.ok) return;
    setBusy(true);
    const settings = { namespace: parsed.value, policy: { region: limitRegion ? region : null, passRole }, roleName, sharedAwsAccount: shared };
    // The checklist replaces this form, and its next action takes the focus (focus.ts).
    setProblems(await request({ kind: 'saveLink', settings }));
    setBusy(false);
  };

  return (
    <form class="setup" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{links.length === 0 ? t('popupSetupTitle') : t('popupAddTitle')}</h2>

      <div class="field">
        <label for={`${id}-ns`}>{t('popupNamespaceLabel')}</label>
        <input
          id={`${id}-ns`}
          ref={namespaceField}
          type="text"
          value={namespaceText}
          autocomplete="username"
          spellcheck={false}
          autocapitalize="none"
          aria-invalid={namespaceError !== null}
          aria-describedby={`${id}-ns-hint ${id}-ns-error`}
          // No "enter a namespace" on blur: the message would push the form down under the pointer mid-click.
          onInput={(e) => setNamespaceText(e.currentTarget.value)}
        />
        <p id={`${id}-ns-hint`} class="hint">{t('popupNamespaceHint')}</p>
        <p id={`${id}-ns-error`} class="error">{namespaceError}</p>
      </div>

      <fieldset>
        <legend>{t('popupPolicyLegend')}</legend>
        <label class="choice">
          <input type="radio" name={`${id}-scope`} checked={!limitRegion} onChange={() => setLimitRegion(false)} />
          {t('popupPolicyAllRegions')}
        </label>
        <label class="choice">
          <input type="radio" name={`${id}-scope`} checked={limitRegion} onChange={() => setLimitRegion(true)} />
          {t('popupPolicyOneRegion')}
        </label>
        {limitRegion && (
          <div class="field nested inline">
            <label for={`${id}-region`}>{t('popupRegionLabel')}</label>
            <select id={`${id}-region`} value={region} onChange={(e) => setRegion(e.currentTarget.value)}>
              {REGIONS.map(([code, name]) => (
                <option key={code} value={code}>{`${name} (${code})`}</option>
              ))}
            </select>
          </div>
        )}
      </fieldset>

      <div class="advanced">
        <button type="button" class="disclosure" aria-expanded={advancedShown} aria-controls={`${id}-advanced`} onClick={() => setAdvancedOpen(!advancedShown)}>
          <span class="chevron" aria-hidden="true">
            {advancedShown ? '▾' : '▸'}
          </span>
          {t('popupAdvanced')} <span class="hint">{t('popupAdvancedSummary', roleName)}</span>
        </button>
        {/* Hidden, not removed: the choices keep their state while closed. */}
        <div id={`${id}-advanced`} hidden={!advancedShown}>
        <label class="choice">
          <input type="checkbox" checked={passRole} aria-describedby={`${id}-passrole-hint`} onChange={(e) => setPassRole(e.currentTarget.checked)} />
          {t('popupPassRoleLabel')}
        </label>
        <p id={`${id}-passrole-hint`} class="hint nested">{t('popupPassRoleHint')}</p>
        <label class="choice">
          <input type="checkbox" checked={shared} aria-describedby={`${id}-shared-hint`} onChange={(e) => setShared(e.currentTarget.checked)} />
          {t('popupSharedLabel')}
        </label>
        <p id={`${id}-shared-hint`} class="hint nested">{t('popupSharedHint')}</p>
        <div class="field inline">
          <label for={`${id}-role`}>{t('popupRoleNameLabel')}</label>
          <div class="row">
            <input
              id={`${id}-role`}
              type="text"
              value={roleName}
              spellcheck={false}
              aria-invalid={!role.ok}
              aria-describedby={`${id}-role-error`}
              onInput={(e) => setRoleNameEdited(e.currentTarget.value)}
            />
            {roleNameEdited !== null && roleNameEdited !== proposed && (
              <button type="button" class="secondary" onClick={() => setRoleNameEdited(null)}>
                {t('popupRoleNameReset')}
              </button>
            )}
          </div>
          <p id={`${id}-role-error`} class="error">
            {roleError}
          </p>
        </div>
        </div>
      </div>

      <Problems problems={problems} />
      <div class="actions">
        <button type="submit" class="primary" aria-disabled={busy}>
          {t('popupSetupSubmit')}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t('popupCancel')}
          </button>
        )}
      </div>
    </form>
  );
}
