import { actionWords } from '@/lib/desk/outcome';
import type { HistoryEntry } from '@/lib/desk/session';
import { isoUtc } from '@/lib/format/time';

type Props = { entries: HistoryEntry[]; onExport(): void; onClear(): void };

/** The last actions, newest first: no secrets, identifiers masked. */
export function HistoryTable({ entries, onExport, onClear }: Props) {
  if (entries.length === 0) return <p class="muted">No actions yet.</p>;
  return (
    <div class="history">
      <div class="row buttons">
        <button type="button" onClick={onExport}>
          Export CSV
        </button>
        <button type="button" onClick={onClear}>
          Clear history
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Cluster</th>
            <th scope="col">Brand</th>
            <th scope="col">Customer</th>
            <th scope="col">Action</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.at}-${entry.action}`}>
              <td>{isoUtc(entry.at).slice(5, 19).replace('T', ' ')}</td>
              <td>{entry.cluster}</td>
              <td>{entry.brand}</td>
              <td>{entry.maskedIdentifier}</td>
              <td>{actionWords(entry.action).name}</td>
              <td>{entry.code}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
