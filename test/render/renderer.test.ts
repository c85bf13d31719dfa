import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  escapeDiscordText,
  escapeHtml,
  escapeSlackText,
  plainText,
  singleLine,
} from '../../src/render/escape';
import { TemplateRenderer } from '../../src/render/renderer';
import { templateFolder, type TemplateFolder } from '../helpers/template-folder';

const LAYOUT = '<html><head><title>{{subject}}</title></head><body>{{#exercise}}<h2>Convene · {{exercise}}</h2>{{/exercise}}{{{body}}}</body></html>\n';

describe('TemplateRenderer on a temp templates folder', () => {
  let folder: TemplateFolder;
  let renderer: TemplateRenderer;

  beforeAll(() => {
    folder = templateFolder({
      'layout.html': LAYOUT,
      'note.txt': 'Subject: Note from {{org}}: {{title}}\n\n{{org}} wrote:\n{{text}}\n',
      'note.html': '<p><b>{{org}}</b> wrote:</p>\n<blockquote>{{text}}</blockquote>\n',
      'plain.txt': 'Subject: Plain\n\nFirst {{a}}\nsecond line\n\nSecond paragraph {{b}}\n',
      'raw.html': '<p>{{{text}}}</p>',
      'raw.txt': 'Subject: Raw\n\nbody\n',
      'amp.txt': 'Subject: Amp\n\n{{& text}}\n',
      'nested.txt': 'Subject: Nested\n\n{{#items}}- {{{.}}}\n{{/items}}',
      'partial.txt': 'Subject: Partial\n\n{{> footer}}\n',
      'no-subject.txt': 'Hello {{name}}\n',
      'no-blank.txt': 'Subject: Hi\nHello\n',
    });
    renderer = folder.renderer;
  });
  afterAll(() => folder.remove());

  it('escapes each part for its medium', () => {
    const text = '<script>alert("x")</script> & \x1b[31mred\x1b[0m';
    const out = renderer.render('note', { org: 'DRC', title: 'a\r\nBcc: evil@example.org', text });
    expect(out.subject).toBe('Note from DRC: a Bcc: evil@example.org');
    expect(out.text).toBe('DRC wrote:\n<script>alert("x")</script> & red');
    expect(out.html).toContain('<blockquote>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; red</blockquote>');
    expect(out.html).not.toContain('<script>');
    expect(out.html).not.toContain('\x1b');
    expect(out.html).toContain('<title>Note from DRC: a Bcc: evil@example.org</title>');
  });

  it('escapes the subject inside the HTML layout', () => {
    const out = renderer.render('note', { org: '<b>X</b>', title: 't', text: 'x', exercise: 'Kosovo & co' });
    expect(out.html).toContain('<title>Note from &lt;b&gt;X&lt;/b&gt;: t</title>');
    expect(out.html).toContain('<h2>Convene · Kosovo &amp; co</h2>');
  });

  it('makes paragraphs of the text when there is no HTML template', () => {
    const out = renderer.render('plain', { a: '<1>', b: 2 });
    expect(out.text).toBe('First <1>\nsecond line\n\nSecond paragraph 2');
    expect(out.html).toContain('<p>First &lt;1&gt;<br>\nsecond line</p>\n<p>Second paragraph 2</p>');
  });

  it('makes the addresses in such paragraphs links (a vote link is followed from the e-mail), still escaped', () => {
    const out = renderer.render('plain', { a: 'Endorse: https://bot.example.org/l/vote.1.2.3?choice=endorse.', b: 'see http://x.example.org/"onmouseover=alert(1) (here)' });
    expect(out.html).toContain('Endorse: <a href="https://bot.example.org/l/vote.1.2.3?choice=endorse">https://bot.example.org/l/vote.1.2.3?choice=endorse</a>.<br>');
    expect(out.html).toContain('see <a href="http://x.example.org/">http://x.example.org/</a>&quot;onmouseover=alert(1) (here)');
    expect(out.text).toContain('Endorse: https://bot.example.org/l/vote.1.2.3?choice=endorse.');
  });

  it('throws an error naming the file for a missing or malformed template', () => {
    expect(renderer.has('missing')).toBe(false);
    expect(renderer.has('note')).toBe(true);
    expect(() => renderer.render('missing', {})).toThrow(/missing\.txt is missing/);
    expect(() => renderer.render('no-subject', {})).toThrow(/no-subject\.txt.*Subject/);
    expect(() => renderer.render('no-blank', {})).toThrow(/no-blank\.txt.*blank line/);
    expect(() => renderer.render('../etc/passwd', {})).toThrow(/not a template name/);
  });

  it('refuses unescaped output and partials when loading a template', () => {
    expect(() => renderer.render('raw', { text: '<b>' })).toThrow(/raw\.html uses unescaped \{\{\{text\}\}\}/);
    expect(() => renderer.render('amp', { text: '<b>' })).toThrow(/amp\.txt uses unescaped/);
    expect(() => renderer.render('nested', { items: ['a'] })).toThrow(/nested\.txt uses unescaped/);
    expect(() => renderer.render('partial', {})).toThrow(/partial\.txt uses a partial/);
  });

  it('refuses a layout with unescaped output other than body', () => {
    const other = templateFolder({ 'layout.html': '{{{body}}}<footer>{{{exercise}}}</footer>', 'x.txt': 'Subject: x\n\ny\n' });
    try {
      expect(() => other.renderer.render('x', {})).toThrow(/layout\.html uses unescaped \{\{\{exercise\}\}\}/);
      rmSync(join(other.dir, 'layout.html'));
      expect(() => new TemplateRenderer(other.dir).render('x', {})).toThrow(/layout\.html is missing/);
    } finally {
      other.remove();
    }
  });
});

describe('TemplateRenderer fills in the catalogue messages each part of a translated template shows', () => {
  let folder: TemplateFolder;
  beforeAll(() => {
    folder = templateFolder({
      'layout.html': '<title>{{subject}}</title><h1>{{t.meeting}}</h1>{{{body}}}',
      // `meeting-invitation` has a section in the catalogues; the text shows `dear` by name and `intro` through {{#t}}.
      'meeting-invitation.txt': 'Subject: {{t.subject}}\n\n{{t.dear}}\n{{#t}}{{intro}}{{/t}}\n',
      'meeting-invitation.html': '<p>{{t.dear}}</p>{{#agenda.length}}<h2>{{t.agenda}}</h2>{{/agenda.length}}',
    });
  });
  afterAll(() => folder.remove());
  const view = { group: 'PWG', id: 'M4', when: 'sutra', title: 'TOR', recipientName: 'Milica', groupName: 'Radna grupa', agenda: ['a'] };

  it('shows in each part the messages that part names: subject, text, HTML (in a section), layout, and all of `t` through {{#t}}', () => {
    const out = folder.renderer.render('meeting-invitation', view, 'sr-Latn');
    expect(out.subject).toBe('Poziv: sastanak M4 grupe PWG, sutra: TOR');
    expect(out.text).toBe('Poštovani/a Milica,\nKoordinator profilisanja vas poziva na sastanak grupe PWG (Radna grupa).');
    expect(out.html).toContain('<p>Poštovani/a Milica,</p><h2>Dnevni red</h2>');
    expect(out.html).toContain('<h1>Sastanak</h1>');
  });

  it('renderPlain gives the same subject and text as render, without the HTML', () => {
    const renderer = folder.renderer;
    for (const language of ['sr-Latn', 'en'] as const) {
      const plain = renderer.renderPlain('meeting-invitation', view, language);
      const { subject, text } = renderer.render('meeting-invitation', view, language);
      expect(plain).toEqual({ subject, text });
    }
    expect(renderer.renderPlain('meeting-invitation', view, 'sr-Latn').text).toContain('Poštovani/a Milica');
  });
});

describe('TemplateRenderer on the real templates/', () => {
  const renderer = new TemplateRenderer(join(import.meta.dirname, '..', '..', 'templates'));
  const view = {
    name: 'Ana <Krasniqi>',
    email: 'ana@kas.example.org',
    code: '482913',
    minutes: 15,
    medium: 'Discord',
    exercise: 'Kosovo 2014',
  };

  it('renders the verification code e-mail', () => {
    const out = renderer.render('verification-code', view);
    expect(out.subject).toBe('Your Convene verification code (Kosovo 2014)');
    expect(out.text).toContain('Hello Ana <Krasniqi>,');
    expect(out.text).toContain('/members verify 482913');
    expect(out.text).toContain('expires in 15 minutes');
    expect(out.text).toMatch(/did not ask for this, ignore/);
    expect(out.html).toContain('Hello Ana &lt;Krasniqi&gt;,');
    expect(out.html).toContain('482913');
    expect(out.html).toContain('Convene · Kosovo 2014');
    expect(out.html).toContain('Sent by Convene for the Kosovo 2014 profiling working group.');
    expect(out.html).toMatch(/^<!DOCTYPE html>/);
  });

  it('renders without an exercise name', () => {
    const { exercise: _omitted, ...rest } = view;
    const out = renderer.render('verification-code', rest);
    expect(out.subject).toBe('Your Convene verification code');
    expect(out.html).not.toContain('Convene · ');
    expect(out.html).toContain('Sent by Convene for the profiling working group.');
  });
});

describe('escaping', () => {
  it('plainText strips ANSI sequences and control characters, keeps LF and TAB', () => {
    expect(plainText('a\x1b[2J\x1b[1;31mb\x1b[0m\tc\r\nd\x07\x00\x7f\x9b31me')).toBe('ab\tc\nde');
    expect(plainText('title\x1b]0;pwned\x07 ok\x1b]8;;http://x\x1b\\link')).toBe('title oklink');
    expect(plainText('\x1b(Bx\x1bcy')).toBe('xy');
    expect(plainText('Prishtinë – 日本')).toBe('Prishtinë – 日本');
  });

  it('singleLine flattens line breaks and tabs', () => {
    expect(singleLine('  Agenda\r\nBcc: evil@example.org\n\tX \u2028y ')).toBe('Agenda Bcc: evil@example.org X y');
  });

  it('escapeHtml escapes the five specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapeSlackText neutralises <!channel>, <!here> and user mentions', () => {
    expect(escapeSlackText('<!channel> <!here> <@U123> <http://x|y> a&b')).toBe(
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;http://x|y&gt; a&amp;b',
    );
  });

  it('escapeDiscordText neutralises @everyone, @here, mentions and Markdown', () => {
    const out = escapeDiscordText('@everyone @here <@123> <@&456> <#789> *bold* _i_ ~~s~~ `c` ||x|| > q \\');
    expect(out).not.toMatch(/@everyone|@here|<@|<#/);
    expect(out).toBe(
      '@\u200beveryone @\u200bhere <\u200b@123\\> <\u200b@&456\\> <\u200b#789\\> \\*bold\\* \\_i\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|x\\|\\| \\> q \\\\',
    );
    expect(escapeDiscordText('# Big\n-# small')).toBe('\\# Big\n\\-# small');
  });
});
