import { targetOf } from '@/lib/capillary/clusters';
import { t } from '@/lib/i18n/t';

type Props = { apiBaseUrl: string };

/**
 * Where the calls go, always in sight: the cluster's name, or "Custom" / "Sandbox" with the host. Each target has
 * its own colour, but the words say it too (colour is never the only sign).
 */
export function TargetBand({ apiBaseUrl }: Props) {
  const target = targetOf(apiBaseUrl);
  return (
    <p class={`band band-${target.kind}`} data-target={target.name} title={apiBaseUrl}>
      <span class="band-label">{t('callsGoTo')}</span>{' '}
      <strong>{target.kind === 'cluster' ? target.name : t(target.kind === 'custom' ? 'targetCustom' : 'targetSandbox')}</strong>
      {target.kind !== 'cluster' && <span class="band-host">{target.host}</span>}
    </p>
  );
}
