import { useState } from 'preact/hooks';
import { SelectField } from '@/components/SelectField';
import { TextField } from '@/components/TextField';
import { CLUSTERS } from '@/lib/capillary/clusters';
import { t } from '@/lib/i18n/t';
import type { Settings } from '@/lib/settings/settings';
import { checkSettings, exportSettings, importSettings } from '@/lib/settings/transfer';

/** What the options page needs from the extension; main.tsx wires it to storage and permissions. */
export interface OptionsClient {
  save(settings: Settings): Promise<void>;
  /** Asks the browser for access to a host; must be called straight from the click, before any await. */
  requestHost(origin: string): Promise<boolean>;
  /** Offers a file to save (Export settings). */
  download(filename: string, text: string): void;
}

type Props = {
  initial: Settings;
  client: OptionsClient;
  /** Stored settings had invalid fields, reset: told once. */
  notice?: string | null;
};
type Form = { apiBaseUrl: string; brand: string; deviceId: string; cooldownSeconds: string };
type Message = { kind: 'status' | 'alert'; text: string } | null;

const CUSTOM = t('customUrl');
const PRESETS = [...CLUSTERS.map((cluster) => cluster.name), CUSTOM];

function presetOf(url: string): string {
  return CLUSTERS.find((cluster) => cluster.baseUrl === url.trim().replace(/\/+$/, ''))?.name ?? CUSTOM;
}

export function App({ initial, client, notice }: Props) {
  const [form, setForm] = useState<Form>({ ...initial, cooldownSeconds: String(initial.cooldownSeconds) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  // The settings as last saved: what Export writes.
  const [saved, setSaved] = useState(initial);
  const set = (field: keyof Form) => (value: string) => {
    setForm({ ...form, [field]: value });
    setMessage(null);
  };

  function save(event: Event) {
    event.preventDefault();
    const { settings, fields } = checkSettings({ ...form, cooldownSeconds: Number(form.cooldownSeconds) }, saved);
    setErrors(fields);
    if (Object.keys(fields).length > 0) {
      setMessage({ kind: 'alert', text: t('notSaved', Object.values(fields)[0]) });
      return;
    }
    const url = new URL(settings.apiBaseUrl);
    // Any https host is asked for now, from the click: a custom one is optional, and a preset cluster's may have been
    // withheld (Chrome's site access, Firefox's opt-in host permissions); a host already granted answers at once.
    // The local sandbox is plain http and reached through its CORS headers.
    const granted = url.origin.startsWith('https:') ? client.requestHost(url.origin) : Promise.resolve(true);
    granted
      .then(async (ok) => {
        if (!ok) {
          setMessage({ kind: 'alert', text: t('notAllowedToReach', url.origin) });
          return;
        }
        await client.save(settings);
        setSaved(settings);
        setForm({ ...form, apiBaseUrl: settings.apiBaseUrl });
        setMessage({ kind: 'status', text: t('saved') });
      })
      .catch((error: unknown) =>
        setMessage({ kind: 'alert', text: t('notSaved', error instanceof Error ? error.message : String(error)) }),
      );
  }

  /** A file's settings go into the form, checked field by field; nothing is stored until Save. */
  async function importFile(file: File) {
    const imported = importSettings(await file.text(), saved);
    if (!imported.ok) {
      setErrors(imported.fields);
      setMessage({ kind: 'alert', text: t('importFailed', imported.file ?? Object.values(imported.fields).join(' ')) });
      return;
    }
    setForm({ ...imported.settings, cooldownSeconds: String(imported.settings.cooldownSeconds) });
    setErrors({});
    const ignored = imported.ignored.join(', ');
    setMessage({ kind: 'status', text: ignored ? t('importedIgnored', ignored) : t('imported') });
  }

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
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('capillaryCluster')}</legend>
          <SelectField
            id="cluster"
            label={t('cluster')}
            value={presetOf(form.apiBaseUrl)}
            options={PRESETS}
            onChange={(name) => set('apiBaseUrl')(CLUSTERS.find((cluster) => cluster.name === name)?.baseUrl ?? '')}
          />
          <TextField
            id="api-base-url"
            label={t('apiBaseUrl')}
            value={form.apiBaseUrl}
            error={errors.apiBaseUrl}
            placeholder="https://eu.api.capillarytech.com"
            onInput={set('apiBaseUrl')}
          />
          <p class="muted">{t('apiBaseUrlNote')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('defaultsForNewCustomer')}</legend>
          <div class="row">
            <TextField id="default-brand" label={t('brand')} value={form.brand} error={errors.brand} onInput={set('brand')} />
            <TextField
              id="default-device-id"
              label={t('deviceId')}
              value={form.deviceId}
              error={errors.deviceId}
              onInput={set('deviceId')}
            />
          </div>
          <TextField
            id="cooldown"
            label={t('cooldownSeconds')}
            value={form.cooldownSeconds}
            error={errors.cooldownSeconds}
            inputMode="numeric"
            onInput={set('cooldownSeconds')}
          />
        </fieldset>
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
      </form>
      <div class="transfer">
        <div class="row buttons">
          <button type="button" onClick={() => client.download('mfa-desk-settings.json', exportSettings(saved))}>
            {t('exportSettings')}
          </button>
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
        </div>
      </div>
    </main>
  );
}
