import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Mustache from 'mustache';
import { escapeHtml, plainText, singleLine } from './escape';
import { messagesFor } from '../i18n/catalogue';
import { checkKind, checkTokens, KIND, LAYOUT, messagesShown, parseText, read, union, type HtmlTemplate, type TextTemplate } from './template-files';
import type { Language } from '../domain/vocabulary';

/** One message, ready for every medium: `text` for chat and the plain-text part, `html` for e-mail. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** `footer.txt`, when present, ends every e-mail's plain text (the person's own links). */
const FOOTER = 'footer';

/**
 * Renders message templates from a folder of logic-less Mustache files:
 *
 * - `<kind>.txt`: first line `Subject: ...`, one blank line, then the plain-text body;
 * - `<kind>.html` (optional): the HTML body; without it, the text body is escaped into paragraphs;
 * - `layout.html`: wraps every HTML body, with `{{{body}}}` and `{{subject}}`;
 * - `footer.txt` (optional): appended to every plain text, after a `-- ` line, when it renders to something.
 *
 * Each part escapes `{{var}}` for its medium (plainText in text, singleLine in the subject,
 * plainText then escapeHtml in HTML). Unescaped output (`{{{x}}}`, `{{& x}}`) and partials are refused when a
 * template is loaded, except `{{{body}}}` in the layout. A template whose kind has a section in the
 * catalogues (src/i18n/) shows its words as `{{t.<message>}}`: the view gets them in the reader's
 * `language`, filled in from the view's values. A missing or malformed template is a bug
 * in the installation, so it throws; nothing a member types can make it throw.
 *
 * @example
 * const renderer = new TemplateRenderer('templates');
 * const { subject, text, html } = renderer.render('verification-code', { name, email, code, minutes: 15 });
 */
export class TemplateRenderer {
  private readonly texts = new Map<string, TextTemplate>();
  private readonly htmls = new Map<string, HtmlTemplate | null>();
  /** Per use and kind (`email meeting-invitation`): the catalogue messages it shows (for an e-mail: text, HTML and layout together). */
  private readonly shown = new Map<string, ReadonlySet<string> | null>();

  constructor(private readonly dir: string) {}

  /** Whether `<kind>.txt` exists. */
  has(kind: string): boolean {
    return KIND.test(kind) && (this.texts.has(kind) || existsSync(this.path(kind, 'txt')));
  }

  /** Whether `<kind>.html` exists (without it, the HTML part is the text's paragraphs). */
  hasHtml(kind: string): boolean {
    return this.html(kind) !== null;
  }

  /** Subject, plain text and HTML of an e-mail; `<kind>.txt` must have a Subject line. */
  render(kind: string, view: Record<string, unknown>, language: Language = 'en'): RenderedMessage {
    const { subject, text, html } = this.email(kind, view, language, null);
    return { subject, text, html };
  }

  /**
   * The same as {@link render} for a kind without `<kind>.html`, but with `body` in the layout
   * where the HTML body goes, and the text it would be made from (`main`: the text without its
   * footer; the body is `paragraphs(main)`). For `FanOutRenderer`, which puts each person's body in.
   */
  renderAroundBody(kind: string, view: Record<string, unknown>, language: Language, body: string): RenderedMessage & { main: string } {
    if (this.hasHtml(kind)) throw new Error(`Template ${kind} has an HTML body of its own.`);
    return this.email(kind, view, language, body);
  }

  private email(kind: string, view: Record<string, unknown>, language: Language, bodyGiven: string | null): RenderedMessage & { main: string } {
    const htmlTemplate = this.html(kind);
    const layout = this.layout();
    const { subject, text, main, filled } = this.plain(kind, view, language, 'email');
    const body = htmlTemplate
      ? Mustache.render(htmlTemplate.body, filled, {}, { escape: toHtml })
      : bodyGiven ?? paragraphs(main);
    // The frame of every HTML e-mail is in the message's language too: `lang`, and `{{l.x}}` from the catalogue's `layout`.
    const frame = { lang: language, l: messagesFor(language, LAYOUT, filled) ?? {} };
    const html = Mustache.render(layout.body, { ...filled, subject, body, ...frame }, {}, { escape: toHtml });
    return { subject, text, html, main };
  }

  /**
   * Subject and plain text only, the same as {@link render} gives them, without building the HTML:
   * for a message that never shows it (a post in a chat channel).
   */
  renderPlain(kind: string, view: Record<string, unknown>, language: Language = 'en'): Omit<RenderedMessage, 'html'> {
    const { subject, text } = this.plain(kind, view, language, 'plain');
    return { subject, text };
  }

  /**
   * Subject and text (with the footer), and the view filled in with the catalogue messages that
   * the parts of `use` show: the text's, or for an e-mail also its HTML's and the layout's.
   */
  private plain(
    kind: string,
    view: Record<string, unknown>,
    language: Language,
    use: 'email' | 'plain',
  ): { subject: string; text: string; main: string; filled: Record<string, unknown> } {
    const template = this.text(kind);
    if (template.subject === undefined) {
      throw new Error(`Template ${template.file} has no "Subject:" first line, so it cannot be e-mailed.`);
    }
    const id = `${use} ${kind}`;
    let messages = this.shown.get(id);
    if (messages === undefined) {
      messages = use === 'plain' ? template.shows : union(template.shows, this.html(kind)?.shows ?? new Set(), this.layout().shows);
      this.shown.set(id, messages);
    }
    const filled = withMessages(kind, view, language, messages);
    const subject = singleLine(Mustache.render(template.subject, filled, {}, { escape: toPlainText }));
    // The footer is written in the message's language (English for a kind not translated yet).
    const footerTemplate = this.has(FOOTER) ? this.text(FOOTER) : null;
    const footer = footerTemplate ? renderTextBody(footerTemplate, withMessages(FOOTER, filled, language, footerTemplate.shows)) : '';
    const main = renderTextBody(template, filled);
    return { subject, text: footer ? `${main}\n\n-- \n${footer}` : main, main, filled };
  }

  private path(kind: string, ext: 'txt' | 'html'): string {
    return join(this.dir, `${kind}.${ext}`);
  }

  private text(kind: string): TextTemplate {
    const cached = this.texts.get(kind);
    if (cached) return cached;
    const file = this.path(checkKind(kind), 'txt');
    const source = read(file);
    if (source === undefined) throw new Error(`Template ${file} is missing.`);
    const template = parseText(file, source);
    this.texts.set(kind, template);
    return template;
  }

  private html(kind: string): HtmlTemplate | null {
    const cached = this.htmls.get(kind);
    if (cached !== undefined) return cached;
    const file = this.path(checkKind(kind), 'html');
    const source = read(file);
    if (source !== undefined) checkTokens(file, source, []);
    const template = source === undefined ? null : { file, body: source, shows: messagesShown(source) };
    this.htmls.set(kind, template);
    return template;
  }

  private layout(): HtmlTemplate {
    const cached = this.htmls.get(LAYOUT);
    if (cached) return cached;
    const file = this.path(LAYOUT, 'html');
    const source = read(file);
    if (source === undefined) throw new Error(`Template ${file} is missing; every HTML e-mail is wrapped in it.`);
    checkTokens(file, source, ['body']);
    const template = { file, body: source, shows: messagesShown(source) };
    this.htmls.set(LAYOUT, template);
    return template;
  }
}

/**
 * The view with the catalogue's words for `kind` as `t`, when the kind is translated: only the
 * messages the template shows (`shows`; all of them when it uses `t` as a whole).
 */
function withMessages(kind: string, view: Record<string, unknown>, language: Language, shows: ReadonlySet<string> | null): Record<string, unknown> {
  const t = messagesFor(language, kind, view, shows ?? undefined);
  return t ? { ...view, t } : view;
}

function renderTextBody(template: TextTemplate, view: Record<string, unknown>): string {
  return Mustache.render(template.body, view, {}, { escape: toPlainText }).replace(/\s+$/, '');
}

function toPlainText(value: unknown): string {
  return plainText(String(value));
}

/** Control characters are junk in HTML too, so they go before escaping. */
export function toHtml(value: unknown): string {
  return escapeHtml(plainText(String(value)));
}

/** The HTML body made from plain text (of a kind without `<kind>.html`): blank lines separate paragraphs, single newlines are breaks. */
export function paragraphs(text: string): string {
  return text
    .split(/\n[ \t]*\n+/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '')
    .map((block) => `<p>${block.split('\n').map(linkedLine).join('<br>\n')}</p>`)
    .join('\n');
}

/** An http(s) address up to a space, quote or angle bracket, without the sentence's closing punctuation. */
const ADDRESS = /https?:\/\/[^\s<>"']+?(?=[.,;:!?)]*(?:[\s<>"']|$))/g;

/** One line of text as HTML, its addresses made links (personal links are followed from the e-mail). */
function linkedLine(line: string): string {
  let html = '';
  let from = 0;
  for (const m of line.matchAll(ADDRESS)) {
    const url = escapeHtml(m[0]);
    html += `${escapeHtml(line.slice(from, m.index))}<a href="${url}">${url}</a>`;
    from = m.index + m[0].length;
  }
  return html + escapeHtml(line.slice(from));
}
