import type { HostMove } from '@/lib/model/settings/moves';
import { t } from '@/lib/words/t';

export type Message = { kind: 'status' | 'alert'; text: string } | { kind: 'confirm'; moves: HostMove[] } | null;

type Props = {
  /** Under the organisation's lock there is nothing to save. */
  locked: boolean;
  message: Message;
  /** Save anyway, after the hosts an imported file moves were listed. */
  onConfirm(event: Event): void;
};

/** Save, how it went, and the hosts an imported file would move calls to, for the agent to confirm. */
export function SaveBar({ locked, message, onConfirm }: Props) {
  return (
    <>
      {!locked && (
        <div class="row end">
          <button type="submit" class="primary">
            {t('save')}
          </button>
          {message?.kind === 'status' && (
            <p role="status" class="outcome ok">
              {message.text}
            </p>
          )}
          {message?.kind === 'alert' && (
            <p role="alert" class="outcome error">
              {message.text}
            </p>
          )}
        </div>
      )}
      {message?.kind === 'confirm' && (
        <div role="alert" class="warning">
          <strong>{t('hostMovesTitle')}</strong>
          <ul>
            {message.moves.map((move) => (
              <li key={move.brand ?? ''}>
                {move.brand === null ? t('hostMoveDefault', move.from, move.to) : t('hostMoveBrand', move.brand, move.from, move.to)}
              </li>
            ))}
          </ul>
          <button type="button" onClick={onConfirm}>
            {t('saveAnyway')}
          </button>
        </div>
      )}
    </>
  );
}
