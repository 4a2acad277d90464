// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dayEnd, dayKey, dayStart } from '@/core/library/days';

describe('days', () => {
  it('keys and bounds local days', () => {
    expect(dayKey(new Date(2025, 0, 5, 23, 59).getTime())).toBe('2025-01-05');
    expect(dayStart('2025-01-05')).toBe(new Date(2025, 0, 5).getTime());
    expect(dayEnd('2025-01-31')).toBe(new Date(2025, 1, 1).getTime());
    expect(dayStart('5 Jan')).toBeNaN();
  });
});
