import { describe, expect, it } from 'vitest';
import { formatForReader, formatLongIn } from '../../src/i18n/dates';
import { readerTime } from '../../src/i18n/say';

describe('an instant for one reader, in the exercise zone and their own beside it', () => {
  const winter = new Date('2026-12-01T10:00:00Z');

  it('says the time once when the reader\'s clock shows the same (London beside UTC in winter), as every other place does', () => {
    expect(formatForReader(winter, 'UTC', 'Europe/London', 'sr-Cyrl')).toBe(formatLongIn(winter, 'UTC', 'sr-Cyrl'));
    expect(formatForReader(winter, 'UTC', 'Europe/London', 'en')).toBe(readerTime(winter, 'UTC', { timeZone: 'Europe/London' }, 'en', formatLongIn));
  });

  it('puts the reader\'s own time beside the exercise\'s when the clocks differ, and once without a zone of their own', () => {
    expect(formatForReader(winter, 'Europe/Belgrade', 'America/New_York', 'en')).toBe('Tue 1 Dec 2026, 11:00 (Europe/Belgrade) (Tue 1 Dec 2026, 05:00 (America/New_York) for you)');
    expect(formatForReader(winter, 'Europe/Belgrade', null, 'en')).toBe('Tue 1 Dec 2026, 11:00 (Europe/Belgrade)');
    expect(formatForReader(winter, 'Europe/Belgrade', 'Europe/Belgrade', 'en')).toBe('Tue 1 Dec 2026, 11:00 (Europe/Belgrade)');
  });
});
