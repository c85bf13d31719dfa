import { join } from 'node:path';
import Mustache from 'mustache';
import type { Language } from '../domain/vocabulary';
import { messagesFor } from '../i18n/catalogue';
import { checkTokens, read, toHtml } from './renderer';

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
  private readonly cache = new Map<string, string>();

  constructor(private readonly dir: string) {}

  render(name: string, view: Record<string, unknown>, language: Language = 'en'): string {
    const words = (section: string) => messagesFor(language, section, view) ?? {};
    const body = Mustache.render(this.template(name, []), { ...view, t: words(`web-${name}`) }, {}, { escape: toHtml });
    return Mustache.render(this.template('layout', ['body']), { ...view, body, lang: language, t: words('web-layout') }, {}, { escape: toHtml });
  }

  private template(name: string, allowedRaw: string[]): string {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    if (!NAME.test(name)) throw new Error(`"${name}" is not a page template name.`);
    const file = join(this.dir, `${name}.html`);
    const source = read(file);
    if (source === undefined) throw new Error(`Page template ${file} is missing.`);
    checkTokens(file, source, allowedRaw);
    this.cache.set(name, source);
    return source;
  }
}
