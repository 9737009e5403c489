import { clockTime } from '@/components/common/CustomerTabs';
import { SOON_MS } from '@/lib/model/desk/customer-view';
import { minutesSeconds } from '@/lib/model/format/time';
import { t } from '@/lib/words/t';

type Props = {
  /** Until when the customer counts as verified (the earlier of the token's end and the session's); null or Infinity if unknown. */
  until: number | null;
  now: number;
  busy: boolean;
  /** End session: the token is expired at Capillary. */
  onEnd(): void;
};

/** The last step: verified until when (amber in its last 2 minutes), and End session. */
export function Verified({ until, now, busy, onEnd }: Props) {
  // Unknown too when neither the token nor the session has an end (Infinity): no clock, no time left.
  const end = until !== null && Number.isFinite(until) ? until : null;
  const left = end === null ? null : end - now;
  const tone = left === null ? 'ok' : left <= 0 ? 'over' : left <= SOON_MS ? 'soon' : 'ok';
  return (
    <div class={`verified-until ${tone}`}>
      <p>
        {left !== null && left <= 0 ? (
          <strong>{t('phaseExpired')}</strong>
        ) : (
          <>
            <strong>{end === null ? t('stepVerified') : t('phaseVerifiedUntil', clockTime(end))}</strong>
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
