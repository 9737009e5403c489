import { span } from '@/lib/format/time';

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
        ? `expires in ${span(left)}`
        : `expired ${span(left)} ago`
      : left > 0
        ? `in ${span(left)}`
        : `${span(left)} ago`;
  return <span class={`countdown${kind === 'expiry' && left <= 0 ? ' expired' : ''}`}>{text}</span>;
}
