import { describe, expect, it } from 'vitest';
import { MILESTONES } from '../../src/store/meetings';
import { drawTimeline } from '../../src/web/pages/timeline';

/** About 7 px per character at the 11 px of the axis labels. */
const CHAR_PX = 7;

describe('the drawn timeline of the key meetings', () => {
  const keys = MILESTONES.map((milestone) => ({ milestone, meeting: null, late: false }));

  it('keeps every month label inside the picture, at phone and desktop widths', () => {
    for (const cls of ['narrow', 'wide'] as const) {
      // 30 Nov: the axis ends early in January, so "Jan 2027" falls at the right edge.
      const d = drawTimeline(keys, 'Europe/Belgrade', new Date('2026-11-30T23:20:00Z'), cls);
      expect(d.months.map((m) => m.label)).toContain('Jan 2027');
      for (const m of d.months) {
        const [start, end] = m.anchor === 'end' ? [m.x - m.label.length * CHAR_PX, m.x] : [m.x, m.x + m.label.length * CHAR_PX];
        expect(start, `${cls} ${m.label}`).toBeGreaterThanOrEqual(0);
        expect(end, `${cls} ${m.label}`).toBeLessThanOrEqual(d.width);
      }
    }
  });
});
