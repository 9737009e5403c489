import { t } from '@/lib/words/t';
import { span } from '@/lib/words/time';

type Props = {
  /** The instant, epoch ms. */
  at: number;
  now: number;
  /** 'expiry' says "expires in / expired … ago"; 'event' says "in … / … ago". */
  kind: 'expiry' | 'event';
};

export function Countdown({ at, now, kind }: Props) {
  const left = at - now;
  const text =
    kind === 'expiry'
      ? left > 0
        ? t('expiresIn', span(left))
        : t('expiredAgo', span(left))
      : left > 0
        ? t('inTime', span(left))
        : t('timeAgo', span(left));
  return <span class={`countdown${kind === 'expiry' && left <= 0 ? ' expired' : ''}`}>{text}</span>;
}
