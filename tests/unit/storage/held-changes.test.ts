import { describe, expect, it, vi } from 'vitest';
import { holdChanges } from '@/lib/platform/storage/held-changes';

describe('changes held until a page listens', () => {
  it('go to the listener first, in order, then each later one as it comes, each once', () => {
    let hear: (value: string) => void = () => {};
    const stop = vi.fn();
    const changes = holdChanges<[string]>((callback) => {
      hear = callback;
      return stop;
    });
    hear('first');
    hear('second');
    const heard: string[] = [];
    const stopListening = changes.listen((value) => heard.push(value));
    expect(heard).toEqual(['first', 'second']);
    hear('third');
    expect(heard).toEqual(['first', 'second', 'third']);
    stopListening();
    expect(stop).toHaveBeenCalledOnce();
  });
});
