import { describe, expect, it } from 'vitest';
import { endOfLocalDay, isAfterToday, localDateInputValue } from './expiry-date';

describe('key expiry dates', () => {
  it('writes a day as a date input does, in local time', () => {
    expect(localDateInputValue(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('lets a key work through the whole chosen day in the reader’s time zone', () => {
    expect(new Date(endOfLocalDay('2026-12-31')).getTime()).toBe(new Date(2026, 11, 31, 23, 59, 59).getTime());
  });

  it('accepts only days after today', () => {
    const now = new Date(2026, 10, 30, 12, 0);
    expect(isAfterToday('2026-12-01', now)).toBe(true);
    expect(isAfterToday('2026-11-30', now)).toBe(false);
    expect(isAfterToday('2025-12-01', now)).toBe(false);
  });
});
