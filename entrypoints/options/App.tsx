import { useEffect, useState } from 'preact/hooks';
import { SelectField } from '@/components/common/SelectField';
import { TextField } from '@/components/common/TextField';
import { CLUSTERS, SANDBOX_DOORS } from '@/lib/model/capillary/clusters';
import { effectiveSettings, type Managed, NO_POLICY } from '@/lib/model/settings/managed';
import { type HostMove, hostMoves } from '@/lib/model/settings/moves';
import type { Settings } from '@/lib/model/settings/settings';
import { originsOf } from '@/lib/platform/host-access';
import { policyProblem } from '@/lib/words/settings/policy-words';
import { checkSettings, exportSettings, importSettings, MAX_IMPORT_BYTES } from '@/lib/words/settings/transfer';
import { t } from '@/lib/words/t';

/** What the options page needs from the extension; main.tsx wires it to storage and permissions. */
export interface OptionsClient {
  /** Writes the settings; the background then gives back the hosts calls no longer go to (host-access.ts). */
  save(settings: Settings): Promise<void>;
  /** Asks the browser for access to hosts; must be called straight from the click, before any await. */
  requestHosts(origins: string[]): Promise<boolean>;
  /** The origins among these that the browser does not let the extension reach. */
  missingHosts(origins: string[]): Promise<string[]>;
  /** Offers a file to save (Export settings). */
  download(filename: string, text: string): void;
}

type Props = {
  /** The agent's own settings, as saved. */
  initial: Settings;
  /** The organisation's policy, if any: its values are shown in place of the agent's and cannot be changed here. */
  managed?: Managed;
  client: OptionsClient;
  /** Stored settings had invalid fields, reset: told once. */
  notice?: string | null;
};
/** One line of the brand list as the form holds it: the cluster chosen by name, the URL typed when it is custom. */
type BrandRow = { brand: string; cluster: string; url: string };
type Form = { apiBaseUrl: string; brand: string; deviceId: string; cooldownSeconds: string; brands: BrandRow[] };
type Message = { kind: 'status' | 'alert'; text: string } | { kind: 'confirm'; moves: HostMove[] } | null;
type Field = keyof Settings;

// Codes as the selects' values; the agent reads their words (CLUSTER_LABELS).
const CUSTOM = 'custom';
const DEFAULT = 'default';
const CLUSTER_LABELS: Record<string, string> = { [CUSTOM]: t('customUrl'), [DEFAULT]: t('defaultCluster') };
const PRESETS = [...CLUSTERS.map((cluster) => cluster.name), CUSTOM];

function presetOf(url: string): string {
  return CLUSTERS.find((cluster) => cluster.baseUrl === url.trim().replace(/\/+$/, ''))?.name ?? CUSTOM;
}

function formOf(settings: Settings): Form {
  return {
    ...settings,
    cooldownSeconds: String(settings.cooldownSeconds),
    brands: settings.brands.map(({ brand, apiBaseUrl }) => ({
      brand,
      cluster: apiBaseUrl ? presetOf(apiBaseUrl) : DEFAULT,
      url: apiBaseUrl && presetOf(apiBaseUrl) === CUSTOM ? apiBaseUrl : '',
    })),
  };
}

/** The brand list as checkSettings reads it: no URL for the default cluster. */
const brandsOf = (rows: BrandRow[]) =>
  rows.map(({ brand, cluster, url }) => ({
    brand,
    apiBaseUrl: cluster === DEFAULT ? null : cluster === CUSTOM ? url : CLUSTERS.find((preset) => preset.name === cluster)?.baseUrl,
  }));

/** The https origins calls may go to with these settings: each must be allowed by the browser. */
const httpsOrigins = (settings: Settings) => originsOf(settings).filter((origin) => origin.startsWith('https:'));

export function App({ initial, managed = NO_POLICY, client, notice }: Props) {
  const [form, setForm] = useState<Form>(() => formOf(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  // Whether the form holds an imported file's settings, not yet saved.
  const [fromFile, setFromFile] = useState(false);
  // The settings as last saved, and what calls use with the policy over them: what Export writes.
  const [saved, setSaved] = useState(initial);
  const current = effectiveSettings(saved, managed);
  // Hosts calls may go to that the browser does not allow yet (a policy's URL, or one the agent withheld).
  const [missing, setMissing] = useState<string[]>([]);
  useEffect(() => {
    client.missingHosts(httpsOrigins(current)).then(setMissing, () => setMissing([]));
  }, [saved]);

  const managedField = (field: Field) => managed.values[field] !== undefined;
  const lockedField = (field: Field) => managed.locked || managedField(field);
  const lockHint = (field: Field) =>
    managedField(field) ? t('setByOrganisation') : managed.locked ? t('lockedByOrganisation') : undefined;
  // A field the policy sets shows the policy's value; the agent's own stays in the form, and is what Save keeps.
  const policyForm = formOf(current);
  const value = <F extends Field>(field: F): Form[F] => (managedField(field) ? policyForm[field] : form[field]);
  /** What a text field of the form shows and does: the policy's value, locked, or the agent's own. */
  const fieldProps = (field: Exclude<Field, 'brands'>) => ({
    value: value(field),
    error: errors[field],
    hint: lockHint(field),
    disabled: lockedField(field),
    onInput: set(field),
  });

  const set = (field: Exclude<keyof Form, 'brands'>) => (text: string) => {
    setForm({ ...form, [field]: text });
    setMessage(null);
  };
  const setBrands = (brands: BrandRow[]) => {
    setForm({ ...form, brands });
    setMessage(null);
  };
  const setRow = (index: number, change: Partial<BrandRow>) =>
    setBrands(form.brands.map((row, at) => (at === index ? { ...row, ...change } : row)));

  /**
   * Saves the form. After an import, calls that would go to another host than now are listed first, for the agent to
   * confirm: a file passed around could send a brand's identifiers and OTPs somewhere new.
   */
  function save(event: Event, confirmed = false) {
    event.preventDefault();
    const given = { ...form, cooldownSeconds: Number(form.cooldownSeconds), brands: brandsOf(form.brands) };
    const { settings, fields } = checkSettings(given, saved);
    setErrors(fields);
    if (Object.keys(fields).length > 0) {
      setMessage({ kind: 'alert', text: t('notSaved', Object.values(fields)[0]) });
      return;
    }
    const moves = hostMoves(current, effectiveSettings(settings, managed));
    if (fromFile && moves.length > 0 && !confirmed) {
      setMessage({ kind: 'confirm', moves });
      return;
    }
    const origins = httpsOrigins(effectiveSettings(settings, managed));
    // Every https host calls may go to is asked for now, from the click: a custom one is optional, and a preset
    // cluster's may have been withheld (Chrome's site access, Firefox's opt-in host permissions); hosts already
    // granted answer at once. Plain http to this machine (sandbox builds only) is a host permission of the build.
    const granted = origins.length > 0 ? client.requestHosts(origins) : Promise.resolve(true);
    granted
      .then(async (ok) => {
        if (!ok) {
          setMessage({ kind: 'alert', text: t('notAllowedToReach', origins.join(', ')) });
          return;
        }
        await client.save(settings);
        setFromFile(false);
        setSaved(settings);
        setForm(formOf(settings));
        setMessage({ kind: 'status', text: t('saved') });
      })
      .catch((error: unknown) =>
        setMessage({ kind: 'alert', text: t('notSaved', error instanceof Error ? error.message : String(error)) }),
      );
  }

  function allowHosts() {
    client
      .requestHosts(missing)
      .then(() => client.missingHosts(httpsOrigins(current)))
      .then(setMissing, () => undefined);
  }

  /** A file's settings go into the form, checked field by field; nothing is stored until Save. */
  async function importFile(file: File) {
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({ kind: 'alert', text: t('importFailed', t('importTooLarge', String(file.size), String(MAX_IMPORT_BYTES))) });
      return;
    }
    const imported = importSettings(await file.text(), saved);
    if (!imported.ok) {
      setErrors(imported.fields);
      setMessage({ kind: 'alert', text: t('importFailed', imported.file ?? Object.values(imported.fields).join(' ')) });
      return;
    }
    setForm(formOf(imported.settings));
    setFromFile(true);
    setErrors({});
    const ignored = imported.ignored.join(', ');
    setMessage({ kind: 'status', text: ignored ? t('importedIgnored', ignored) : t('imported') });
  }

  const brandsLocked = lockedField('brands');
  const rows = value('brands');
  return (
    <main class="page">
      <header>
        <h1>{t('settingsTitle')}</h1>
      </header>
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
          <button type="button" onClick={allowHosts}>
            {t('allowAccess')}
          </button>
        </div>
      )}
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('capillaryCluster')}</legend>
          <SelectField
            id="cluster"
            label={t('cluster')}
            value={presetOf(value('apiBaseUrl'))}
            options={PRESETS}
            labels={CLUSTER_LABELS}
            disabled={lockedField('apiBaseUrl')}
            onChange={(name) => set('apiBaseUrl')(CLUSTERS.find((cluster) => cluster.name === name)?.baseUrl ?? '')}
          />
          <TextField
            id="api-base-url"
            label={t('apiBaseUrl')}
            placeholder="https://eu.api.capillarytech.com"
            {...fieldProps('apiBaseUrl')}
          />
          <p class="muted">{t(SANDBOX_DOORS ? 'apiBaseUrlNote' : 'urlHttpsOnly')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('defaultsForNewCustomer')}</legend>
          <div class="row">
            <TextField id="default-brand" label={t('brand')} {...fieldProps('brand')} />
            <TextField id="default-device-id" label={t('deviceId')} {...fieldProps('deviceId')} />
          </div>
          <TextField id="cooldown" label={t('cooldownSeconds')} inputMode="numeric" {...fieldProps('cooldownSeconds')} />
        </fieldset>
        <fieldset class="brands">
          <legend>{t('brandsLegend')}</legend>
          <p class="muted">{t('brandsNote')}</p>
          {lockHint('brands') && <p class="field-hint">{lockHint('brands')}</p>}
          {rows.map((row, index) => (
            // Keyed by place: the name is what is being typed, and a key that changed with it would lose focus.
            <fieldset class="brand-row" key={index}>
              <legend>{t('brandEntry', String(index + 1))}</legend>
              <div class="row end">
                <TextField
                  id={`brands-${index}-brand`}
                  label={t('brandName')}
                  value={row.brand}
                  error={errors[`brands.${index}.brand`]}
                  disabled={brandsLocked}
                  onInput={(brand) => setRow(index, { brand })}
                />
                <SelectField
                  id={`brands-${index}-cluster`}
                  label={t('cluster')}
                  value={row.cluster}
                  options={[DEFAULT, ...PRESETS]}
                  labels={CLUSTER_LABELS}
                  disabled={brandsLocked}
                  onChange={(cluster) => setRow(index, { cluster })}
                />
                {!brandsLocked && (
                  <button
                    type="button"
                    aria-label={t('removeBrand', row.brand.trim() || String(index + 1))}
                    onClick={() => setBrands(form.brands.filter((_, at) => at !== index))}
                  >
                    {t('remove')}
                  </button>
                )}
              </div>
              {row.cluster === CUSTOM && (
                <TextField
                  id={`brands-${index}-url`}
                  label={t('apiBaseUrl')}
                  value={row.url}
                  error={errors[`brands.${index}.apiBaseUrl`]}
                  disabled={brandsLocked}
                  placeholder="https://auth.brand.example"
                  onInput={(url) => setRow(index, { url })}
                />
              )}
            </fieldset>
          ))}
          {errors.brands && <p class="field-error">{errors.brands}</p>}
          {!brandsLocked && (
            <button type="button" onClick={() => setBrands([...form.brands, { brand: '', cluster: DEFAULT, url: '' }])}>
              {t('addBrand')}
            </button>
          )}
        </fieldset>
        {!managed.locked && (
          <div class="row end">
            <button type="submit" class="primary">
              {t('save')}
            </button>
            {message?.kind === 'status' && (
              <p role="status" class="outcome ok">
                {message.text}
              </p>
            )}
            {message?.kind === 'alert' && (
              <p role="alert" class="outcome error">
                {message.text}
              </p>
            )}
          </div>
        )}
        {message?.kind === 'confirm' && (
          <div role="alert" class="warning">
            <strong>{t('hostMovesTitle')}</strong>
            <ul>
              {message.moves.map((move) => (
                <li key={move.brand ?? ''}>
                  {move.brand === null ? t('hostMoveDefault', move.from, move.to) : t('hostMoveBrand', move.brand, move.from, move.to)}
                </li>
              ))}
            </ul>
            <button type="button" onClick={(event) => save(event, true)}>
              {t('saveAnyway')}
            </button>
          </div>
        )}
      </form>
      <div class="transfer">
        <div class="row buttons">
          <button type="button" onClick={() => client.download('mfa-desk-settings.json', exportSettings(current))}>
            {t('exportSettings')}
          </button>
          {!managed.locked && (
            <label class="file">
              {t('importSettings')}
              <input
                type="file"
                accept="application/json,.json"
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (file) void importFile(file);
                }}
              />
            </label>
          )}
        </div>
      </div>
    </main>
  );
}
