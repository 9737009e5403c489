import { targetOf } from '@/lib/model/capillary/clusters';
import { apiBaseUrlFor, listedBrand, type Settings } from '@/lib/model/settings/settings';
import { t } from '@/lib/words/t';

type Props = {
  settings: Pick<Settings, 'apiBaseUrl' | 'brands'>;
  /** The brand in the form: a brand on the brand list is served by its own cluster, which the band names. */
  brand: string;
};

/**
 * Where the calls go, always in sight: the cluster's name, or "Custom" / "Sandbox" with the host, and the brand when
 * its own cluster was picked from the brand list. Each target has its own colour, but the words say it too (colour is
 * never the only sign).
 */
export function TargetBand({ settings, brand }: Props) {
  const apiBaseUrl = apiBaseUrlFor(settings, brand);
  const target = targetOf(apiBaseUrl);
  const entry = listedBrand(settings, brand);
  return (
    <p class={`band band-${target.kind}`} data-target={target.name} title={apiBaseUrl}>
      <span class="band-label">{t('callsGoTo')}</span>{' '}
      <strong>{target.kind === 'cluster' ? target.name : t(target.kind === 'custom' ? 'targetCustom' : 'targetSandbox')}</strong>
      {target.kind !== 'cluster' && <span class="band-host">{target.unencrypted ? t('hostUnencrypted', target.host) : target.host}</span>}
      {entry?.apiBaseUrl && <span class="band-brand">{t('bandForBrand', entry.brand)}</span>}
    </p>
  );
}
