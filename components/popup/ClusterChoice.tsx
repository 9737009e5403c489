import { useState } from 'preact/hooks';
import { SelectField } from '@/components/common/SelectField';
import { CLUSTERS } from '@/lib/model/capillary/clusters';
import { t } from '@/lib/words/t';

type Props = {
  /** Saves the cluster as Settings would; rejects with words for the agent. */
  onChoose(apiBaseUrl: string): Promise<void>;
  openSettings(): void;
};

const BASE_URLS = CLUSTERS.map((cluster) => cluster.baseUrl);
const NAMES = Object.fromEntries(CLUSTERS.map((cluster) => [cluster.baseUrl, cluster.name]));

/** A first start: before the first call, which Capillary cluster the brands are on (a custom URL is in Settings). */
export function ClusterChoice({ onChoose, openSettings }: Props) {
  const [chosen, setChosen] = useState<string>(BASE_URLS[0]);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="cluster-choice"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onChoose(chosen).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
      }}
    >
      <p>
        <strong>{t('clusterQuestion')}</strong>
      </p>
      <div class="row end">
        <SelectField id="first-cluster" label={t('cluster')} value={chosen} options={BASE_URLS} labels={NAMES} onChange={setChosen} />
        <button type="submit" class="primary">
          {t('useCluster')}
        </button>
      </div>
      <button type="button" class="link" onClick={openSettings}>
        {t('otherUrlInSettings')}
      </button>
      {error && (
        <p role="alert" class="outcome error">
          {error}
        </p>
      )}
    </form>
  );
}
