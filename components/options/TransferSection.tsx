import { t } from '@/lib/words/t';

type Props = {
  /** Under the organisation's lock settings can be exported, not imported. */
  locked: boolean;
  onExport(): void;
  onImport(file: File): void;
};

/** Export the settings calls use to a file; import one into the form (nothing is stored until Save). */
export function TransferSection({ locked, onExport, onImport }: Props) {
  return (
    <div class="transfer">
      <div class="row buttons">
        <button type="button" onClick={onExport}>
          {t('exportSettings')}
        </button>
        {!locked && (
          <label class="file">
            {t('importSettings')}
            <input
              type="file"
              accept="application/json,.json"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                if (file) onImport(file);
              }}
            />
          </label>
        )}
      </div>
    </div>
  );
}
