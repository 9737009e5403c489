import { useState } from 'preact/hooks';
import { t } from '@/lib/words/t';

type Props = {
  /** The version that is ready. */
  version: string;
  /** Ends the session and applies the update now; the page closes with the reload. */
  onInstall(): void;
};

/** An update waits for the session to end (lib/platform/update.ts): says so, with the way to install it now. */
export function UpdateNotice({ version, onInstall }: Props) {
  const [installing, setInstalling] = useState(false);
  return (
    <div class="policy update-notice" role="status">
      <p class="update-words">{t(installing ? 'updateInstalling' : 'updateWaiting', version)}</p>
      <button
        type="button"
        disabled={installing}
        onClick={() => {
          setInstalling(true);
          onInstall();
        }}
      >
        {t('updateInstallNow')}
      </button>
    </div>
  );
}
