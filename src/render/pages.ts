import { join } from 'node:path';
import Mustache from 'mustache';
import { checkTokens, read, toHtml } from './renderer';

const NAME = /^[a-z][a-z-]*$/;

/**
 * Renders the web pages from logic-less Mustache files in `templates/web/`: `<name>.html` is the
 * page's body, `layout.html` wraps it (`{{{body}}}`, `{{title}}`). Every value is HTML-escaped;
 * unescaped output and partials are refused when a template is loaded, as for messages.
 * @example new PageRenderer('templates/web').render('vote', { title: 'E1: TOR', ... })
 */
export class PageRenderer {
  private readonly cache = new Map<string, string>();

  constructor(private readonly dir: string) {}

  render(name: string, view: Record<string, unknown>): string {
    const body = Mustache.render(this.template(name, []), view, {}, { escape: toHtml });
    return Mustache.render(this.template('layout', ['body']), { ...view, body }, {}, { escape: toHtml });
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
