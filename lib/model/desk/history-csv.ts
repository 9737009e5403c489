import { toCsv } from '@/lib/model/format/csv';
import { isoUtc } from '@/lib/model/format/time';
import type { HistoryEntry } from './session';

export function historyToCsv(entries: HistoryEntry[]): string {
  return toCsv([
    ['time_utc', 'cluster', 'brand', 'customer', 'action', 'outcome', 'reference', 'duration_ms'],
    ...entries.map((entry) => [
      isoUtc(entry.at),
      entry.cluster,
      entry.brand,
      entry.maskedIdentifier,
      entry.action,
      entry.code,
      entry.reference ?? '',
      entry.durationMs === undefined ? '' : String(entry.durationMs),
    ]),
  ]);
}
