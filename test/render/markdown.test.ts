import { describe, expect, it } from 'vitest';
import { escapeMarkdown, inlineSpans, markdownBlocks } from '../../src/render/markdown';
import { TemplateRenderer } from '../../src/render/renderer';
import { TEMPLATES } from '../helpers/app';

const plain = (text: string) => ({ text, strong: false, em: false, href: false });

describe('the Markdown subset of minutes', () => {
  it('reads bold, italics and http(s) links within a line', () => {
    expect(inlineSpans('Agreed: **KAS** leads, *for now*; see [the frame](https://drive.example.org/frame?a=1&b=2).')).toEqual([
      plain('Agreed: '),
      { text: 'KAS', strong: true, em: false, href: false },
      plain(' leads, '),
      { text: 'for now', strong: false, em: true, href: false },
      plain('; see '),
      { text: 'the frame', strong: false, em: false, href: 'https://drive.example.org/frame?a=1&b=2' },
      plain('.'),
    ]);
    expect(inlineSpans('_only_ this')).toEqual([{ text: 'only', strong: false, em: true, href: false }, plain(' this')]);
  });

  it('leaves other link targets, unclosed markers and snake_case as typed', () => {
    expect(inlineSpans('[click](javascript:alert(1))')).toEqual([plain('[click](javascript:alert(1))')]);
    expect(inlineSpans('[x](data:text/html;base64,PHNjcmlwdD4=)')).toEqual([plain('[x](data:text/html;base64,PHNjcmlwdD4=)')]);
    expect(inlineSpans('2 * 3 = 6 and **not closed')).toEqual([plain('2 * 3 = 6 and **not closed')]);
    expect(inlineSpans('the sampling_frame_file')).toEqual([plain('the sampling_frame_file')]);
  });

  it('groups lines into paragraphs and lists', () => {
    const blocks = markdownBlocks('First line\nsecond line\n\n- one\n- two\n1. first\n2. second\nAfter');
    expect(blocks.map((b) => (b.paragraph ? `p${b.paragraph.lines.length}` : `${b.list && b.list.ordered ? 'ol' : 'ul'}${b.list && b.list.items.length}`))).toEqual([
      'p2', 'ul2', 'ol2', 'p1',
    ]);
    expect(blocks[0]!.paragraph && blocks[0]!.paragraph.lines.map((l) => l.more)).toEqual([true, false]);
  });

  it('escapes user text for a Markdown report', () => {
    expect(escapeMarkdown('**KAS** | <script>alert(1)</script>\n[x](javascript:y)')).toBe('\\*\\*KAS\\*\\* \\| \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:y)');
  });
});

describe('minutes HTML from the real templates', () => {
  const renderer = new TemplateRenderer(TEMPLATES);
  const note = 'UNHCR presented **the draft**.\n<script>alert("x")</script> <img src=x onerror=alert(1)>\n- [frame](https://drive.example.org/f?a=1&b=2)\n- [bad](javascript:alert(1))';
  const view = {
    exercise: 'Kosovo 2014', id: 'M1', group: 'PWG', groupName: 'Profiling Working Group', title: 'Agree <the> TOR', when: 'Tue 1 Dec 2026, 10:00 (Europe/Belgrade)',
    recipientName: 'Valon', place: false, attendance: false, agenda: [], hasAgenda: false,
    notes: [{ number: 1, text: note, blocks: markdownBlocks(note), by: 'Coordinator', at: '2026-12-01 10:30' }], hasNotes: true,
    decisions: [], hasDecisions: false, owners: [], hasActions: false, version: 1, published: '2026-12-03 10:00', late: false, dueDate: '2026-12-08',
  };

  it('escape markup typed in a note and render only the safe subset', () => {
    const { html, text } = renderer.render('minutes', view);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<strong>the draft</strong>');
    expect(html).toContain('<a href="https://drive.example.org/f?a=1&amp;b=2" style="color:#0072bc;">frame</a>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('[bad](javascript:alert(1))');
    expect(html).toContain('Agree &lt;the&gt; TOR');
    // The plain-text part shows the note as typed.
    expect(text).toContain('<script>alert("x")</script>');
  });
});
