import { SelectField } from '@/components/common/SelectField';
import { TextField } from '@/components/common/TextField';
import { t } from '@/lib/words/t';
import { type BrandRow, CLUSTER_LABELS, CUSTOM, DEFAULT, PRESETS } from './form';

type Props = {
  rows: BrandRow[];
  errors: Record<string, string>;
  /** Set by the organisation: shown, not changed. */
  locked: boolean;
  hint?: string;
  onChange(rows: BrandRow[]): void;
};

/** Brands whose calls go to another cluster than the default, one row each. */
export function BrandsSection({ rows, errors, locked, hint, onChange }: Props) {
  const setRow = (index: number, change: Partial<BrandRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  return (
    <fieldset class="brands">
      <legend>{t('brandsLegend')}</legend>
      <p class="muted">{t('brandsNote')}</p>
      {hint && <p class="field-hint">{hint}</p>}
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
              disabled={locked}
              onInput={(brand) => setRow(index, { brand })}
            />
            <SelectField
              id={`brands-${index}-cluster`}
              label={t('cluster')}
              value={row.cluster}
              options={[DEFAULT, ...PRESETS]}
              labels={CLUSTER_LABELS}
              disabled={locked}
              onChange={(cluster) => setRow(index, { cluster })}
            />
            {!locked && (
              <button
                type="button"
                aria-label={t('removeBrand', row.brand.trim() || String(index + 1))}
                onClick={() => onChange(rows.filter((_, at) => at !== index))}
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
              disabled={locked}
              placeholder="https://auth.brand.example"
              onInput={(url) => setRow(index, { url })}
            />
          )}
        </fieldset>
      ))}
      {errors.brands && <p class="field-error">{errors.brands}</p>}
      {!locked && (
        <button type="button" onClick={() => onChange([...rows, { brand: '', cluster: DEFAULT, url: '' }])}>
          {t('addBrand')}
        </button>
      )}
    </fieldset>
  );
}
