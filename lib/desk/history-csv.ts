import { toCsv } from '@/lib/format/csv';
import { isoUtc } from '@/lib/format/time';
import type { HistoryEntry } from './session';

export function historyToCsv(entries: HistoryEntry[]): string {
  return toCsv([
    ['time_utc', 'cluster', 'brand', 'customer', 'action', 'outcome'],
    ...entries.map((entry) => [isoUtc(entry.at), entry.cluster, entry.brand, entry.maskedIdentifier, entry.action, entry.code]),
  ]);
}
