import { useEffect, useState } from 'preact/hooks';
import { BrandsSection } from '@/components/options/BrandsSection';
import { ClusterSection } from '@/components/options/ClusterSection';
import { DefaultsSection } from '@/components/options/DefaultsSection';
import type { TextSetting } from '@/components/options/field-props';
import { type BrandRow, brandsOf, type Form, formOf } from '@/components/options/form';
import { PolicyNotices } from '@/components/options/PolicyNotices';
import { type Message, SaveBar } from '@/components/options/SaveBar';
import { TransferSection } from '@/components/options/TransferSection';
import { effectiveSettings, type Managed, NO_POLICY } from '@/lib/model/settings/managed';
import { hostMoves } from '@/lib/model/settings/moves';
import type { Settings } from '@/lib/model/settings/settings';
import { originsOf } from '@/lib/platform/host-access';
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
type Field = keyof Settings;

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
  const fieldProps = (field: TextSetting) => ({
    value: value(field),
    error: errors[field],
    hint: lockHint(field),
    disabled: lockedField(field),
    onInput: set(field),
  });

  const set = (field: TextSetting) => (text: string) => {
    setForm({ ...form, [field]: text });
    setMessage(null);
  };
  const setBrands = (brands: BrandRow[]) => {
    setForm({ ...form, brands });
    setMessage(null);
  };

  /**
   * Saves the form. After an import, calls that would go to another host than now are listed first, for the agent to
   * confirm: a file passed around could send a brand's identifiers and OTPs somewhere new.
   */
  function save(event: Event, confirmed = false) {
    event.preventDefault();
    const given = {
      ...form,
      cooldownSeconds: Number(form.cooldownSeconds),
      idleMinutes: Number(form.idleMinutes),
      brands: brandsOf(form.brands),
    };
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

  return (
    <main class="page">
      <header>
        <h1>{t('settingsTitle')}</h1>
      </header>
      <PolicyNotices managed={managed} notice={notice} missing={missing} onAllowHosts={allowHosts} />
      <form onSubmit={save} noValidate>
        <ClusterSection fieldProps={fieldProps} />
        <DefaultsSection fieldProps={fieldProps} />
        <BrandsSection
          rows={value('brands')}
          errors={errors}
          locked={lockedField('brands')}
          hint={lockHint('brands')}
          onChange={setBrands}
        />
        <SaveBar locked={managed.locked} message={message} onConfirm={(event) => save(event, true)} />
      </form>
      <TransferSection
        locked={managed.locked}
        onExport={() => client.download('mfa-desk-settings.json', exportSettings(current))}
        onImport={(file) => void importFile(file)}
      />
    </main>
  );
}
