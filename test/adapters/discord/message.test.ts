import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitContent } from '../../../adapters/discord/message';
import { escapeDiscordText } from '../../../src/render/escape';

describe('Discord message splitting', () => {
  it('keeps every piece within 2,000 characters and never cuts an escape from what it escapes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('*', '_', '~', 'a', 'b', '\\', '|'), { minLength: 1500, maxLength: 6000 }), (chars) => {
        const escaped = escapeDiscordText(chars.join(''));
        const pieces = splitContent(escaped);
        expect(pieces.every((p) => p.length <= 2000)).toBe(true);
        expect(pieces.join('')).toBe(escaped);
        for (const p of pieces) expect((/\\+$/.exec(p)?.[0].length ?? 0) % 2).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('cuts a 2,001-character run of escaped stars between two escapes', () => {
    const escaped = escapeDiscordText('*'.repeat(1001));
    const pieces = splitContent(escaped);
    expect(pieces.map((p) => p.length)).toEqual([1998, 4]);
    expect(pieces.every((p) => /^(\\\*)+$/.test(p))).toBe(true);
  });
});
