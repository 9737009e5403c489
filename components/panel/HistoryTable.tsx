import type { HistoryEntry } from '@/lib/model/desk/session';
import { isoUtc } from '@/lib/model/format/time';
import { actionWords } from '@/lib/words/outcome-words';
import { t } from '@/lib/words/t';

type Props = { entries: HistoryEntry[]; onExport(): void; onClear(): void };

/** The last actions, newest first: no secrets, identifiers masked. */
export function HistoryTable({ entries, onExport, onClear }: Props) {
  if (entries.length === 0) return <p class="muted">{t('noActionsYet')}</p>;
  return (
    <div class="history">
      <div class="row buttons">
        <button type="button" onClick={onExport}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={onClear}>
          {t('clearHistory')}
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('historyTime')}</th>
            <th scope="col">{t('cluster')}</th>
            <th scope="col">{t('brand')}</th>
            <th scope="col">{t('historyCustomer')}</th>
            <th scope="col">{t('historyAction')}</th>
            <th scope="col">{t('historyOutcome')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.at}-${entry.action}`}>
              <td>{isoUtc(entry.at).slice(5, 19).replace('T', ' ')}</td>
              <td>{entry.cluster}</td>
              <td>{entry.brand}</td>
              <td>
                {entry.maskedIdentifier}
                {entry.reference && <span class="muted">{` · ${entry.reference}`}</span>}
              </td>
              <td>{actionWords(entry.action).name}</td>
              <td>{entry.code}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
