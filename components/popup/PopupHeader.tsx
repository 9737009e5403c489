import { ScreenShareSwitch } from '@/components/common/ScreenShareSwitch';
import { TargetBand } from '@/components/common/TargetBand';
import type { Settings } from '@/lib/model/settings/settings';
import { t } from '@/lib/words/t';
import { ClusterChoice } from './ClusterChoice';

type Props = {
  settings: Settings;
  /** The brand in the form: the band names the cluster it picks. */
  brand: string;
  screenShare: boolean;
  onScreenShare(on: boolean): void;
  openSettings(): void;
  /** False on a first start: the cluster is asked for in place of the band. */
  clusterChosen: boolean;
  onChooseCluster(apiBaseUrl: string): Promise<void>;
};

/** The popup's title, Screen-share mode and Settings, then where calls go. */
export function PopupHeader({ settings, brand, screenShare, onScreenShare, openSettings, clusterChosen, onChooseCluster }: Props) {
  return (
    <>
      <header>
        <h1>MFA Desk</h1>
        <ScreenShareSwitch on={screenShare} onChange={onScreenShare} />
        <button type="button" class="link" onClick={openSettings}>
          {t('settings')}
        </button>
      </header>
      {clusterChosen ? (
        <TargetBand settings={settings} brand={brand} />
      ) : (
        <ClusterChoice onChoose={onChooseCluster} openSettings={openSettings} />
      )}
    </>
  );
}
