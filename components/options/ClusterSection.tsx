import { SelectField } from '@/components/common/SelectField';
import { TextField } from '@/components/common/TextField';
import { CLUSTERS, SANDBOX_DOORS } from '@/lib/model/capillary/clusters';
import { t } from '@/lib/words/t';
import type { FieldPropsOf } from './field-props';
import { CLUSTER_LABELS, PRESETS, presetOf } from './form';

/** The cluster calls go to by default: a named one, or a custom URL. */
export function ClusterSection({ fieldProps }: { fieldProps: FieldPropsOf }) {
  const url = fieldProps('apiBaseUrl');
  return (
    <fieldset>
      <legend>{t('capillaryCluster')}</legend>
      <SelectField
        id="cluster"
        label={t('cluster')}
        value={presetOf(url.value)}
        options={PRESETS}
        labels={CLUSTER_LABELS}
        disabled={url.disabled}
        onChange={(name) => url.onInput(CLUSTERS.find((cluster) => cluster.name === name)?.baseUrl ?? '')}
      />
      <TextField id="api-base-url" label={t('apiBaseUrl')} placeholder="https://eu.api.capillarytech.com" {...url} />
      <p class="muted">{t(SANDBOX_DOORS ? 'apiBaseUrlNote' : 'urlHttpsOnly')}</p>
    </fieldset>
  );
}
