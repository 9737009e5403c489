import { clockTime } from '@/components/common/CustomerTabs';
import { SOON_MS } from '@/lib/model/desk/customer-view';
import { minutesSeconds } from '@/lib/model/format/time';
import { t } from '@/lib/words/t';

type Props = {
  /** Until when the customer counts as verified (the earlier of the token's end and the session's); null if unknown. */
  until: number | null;
  now: number;
  busy: boolean;
  /** End session: the token is expired at Capillary. */
  onEnd(): void;
};

/** The last step: verified until when (amber in its last 2 minutes), and End session. */
export function Verified({ until, now, busy, onEnd }: Props) {
  const left = until === null ? null : until - now;
  const tone = left === null ? 'ok' : left <= 0 ? 'over' : left <= SOON_MS ? 'soon' : 'ok';
  return (
    <div class={`verified-until ${tone}`}>
      <p>
        {left !== null && left <= 0 ? (
          <strong>{t('phaseExpired')}</strong>
        ) : (
          <>
            <strong>{until === null ? t('stepVerified') : t('phaseVerifiedUntil', clockTime(until))}</strong>
            {left !== null && <span class="muted"> · {t('timeLeft', minutesSeconds(left))}</span>}
          </>
        )}
      </p>
      <button type="button" class="danger" disabled={busy} onClick={onEnd}>
        {t('endSession')}
      </button>
    </div>
  );
}
