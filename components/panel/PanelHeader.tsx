import { ScreenShareSwitch } from '@/components/common/ScreenShareSwitch';
import { t } from '@/lib/words/t';

type Props = {
  screenShare: boolean;
  onScreenShare(on: boolean): void;
  /** "Show personal data", off while Screen-share mode is on. */
  showPersonal: boolean;
  onShowPersonal(on: boolean): void;
};

/** The panel's title, Screen-share mode and Show personal data. */
export function PanelHeader({ screenShare, onScreenShare, showPersonal, onShowPersonal }: Props) {
  return (
    <header>
      <h1>MFA Desk</h1>
      <ScreenShareSwitch on={screenShare} onChange={onScreenShare} />
      <label class="inline">
        <input
          type="checkbox"
          checked={showPersonal}
          disabled={screenShare}
          onChange={(event) => onShowPersonal(event.currentTarget.checked)}
        />
        {t('showPersonalData')}
      </label>
    </header>
  );
}
