import { join } from 'node:path';
import Mustache from 'mustache';
import type { Language } from '../domain/vocabulary';
import { messagesFor } from '../i18n/catalogue';
import { toHtml } from './renderer';
import { checkTokens, messagesShown, read } from './template-files';

const NAME = /^[a-z][a-z-]*$/;

/**
 * Renders the web pages from logic-less Mustache files in `templates/web/`: `<name>.html` is the
 * page's body, `layout.html` wraps it (`{{{body}}}`, `{{title}}`, `<html lang="{{lang}}">`). Every value is HTML-escaped;
 * unescaped output and partials are refused when a template is loaded, as for messages.
 * A page's words are `{{t.x}}`: the catalogue section `web-<name>` (the layout's: `web-layout`) in
 * the page's language, filled in from the view.
 * @example new PageRenderer('templates/web').render('vote', { title: 'E1: TOR', ... }, 'sr-Cyrl')
 */
export class PageRenderer {
  private readonly cache = new Map<string, { source: string; shows: ReadonlySet<string> | null }>();

  constructor(private readonly dir: string) {}

  render(name: string, view: Record<string, unknown>, language: Language = 'en'): string {
    // Only the messages a template shows are filled in (as the message renderer does).
    const words = (section: string, shows: ReadonlySet<string> | null) => messagesFor(language, section, view, shows ?? undefined) ?? {};
    const page = this.template(name, []);
    const layout = this.template('layout', ['body']);
    const body = Mustache.render(page.source, { ...view, t: words(`web-${name}`, page.shows) }, {}, { escape: toHtml });
    return Mustache.render(layout.source, { ...view, body, lang: language, t: words('web-layout', layout.shows) }, {}, { escape: toHtml });
  }

  private template(name: string, allowedRaw: string[]): { source: string; shows: ReadonlySet<string> | null } {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    if (!NAME.test(name)) throw new Error(`"${name}" is not a page template name.`);
    const file = join(this.dir, `${name}.html`);
    const source = read(file);
    if (source === undefined) throw new Error(`Page template ${file} is missing.`);
    checkTokens(file, source, allowedRaw);
    const template = { source, shows: messagesShown(source) };
    this.cache.set(name, template);
    return template;
  }
}
