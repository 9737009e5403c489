import type { Managed } from '@/lib/model/settings/managed';
import { policyProblem } from '@/lib/words/settings/policy-words';
import { t } from '@/lib/words/t';

type Props = {
  managed: Managed;
  /** Stored settings had invalid fields, reset: told once. */
  notice?: string | null;
  /** Hosts calls may go to that the browser does not allow yet. */
  missing: string[];
  onAllowHosts(): void;
};

/** What the page says before the form: a reset, the organisation's policy and its mistakes, hosts still to allow. */
export function PolicyNotices({ managed, notice, missing, onAllowHosts }: Props) {
  return (
    <>
      {notice && (
        <p role="alert" class="outcome error">
          {notice}
        </p>
      )}
      {(managed.locked || Object.keys(managed.values).length > 0) && (
        <p class="policy">{t(managed.locked ? 'policyLocked' : 'policyManaged')}</p>
      )}
      {managed.invalid.length > 0 && (
        <div role="alert" class="warning">
          <strong>{t('policyInvalid')}</strong>
          <ul>
            {managed.invalid.map((invalid) => (
              <li key={invalid.key}>{policyProblem(invalid)}</li>
            ))}
          </ul>
        </div>
      )}
      {missing.length > 0 && (
        <div role="alert" class="warning row">
          <span>{t('hostsMissing', missing.join(', '))}</span>
          <button type="button" onClick={onAllowHosts}>
            {t('allowAccess')}
          </button>
        </div>
      )}
    </>
  );
}
