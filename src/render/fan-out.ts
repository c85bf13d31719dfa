import type { Language } from '../domain/vocabulary';
import { paragraphs, type RenderedMessage, type TemplateRenderer } from './renderer';

/**
 * One kind of e-mail rendered for many people whose views differ only in who they are: an
 * invitation to 600 focal points renders the same template 600 times with the same meeting, and
 * that rendering was half the time of `/meeting send` (its messages are rendered and queued in the
 * command's transaction); a tick's reminder of a meeting to its 22 people spent half its time
 * rendering. Here the first such view is rendered with stand-ins for the person's own
 * values (`recipientName`, `recipientEmail`, the strings of `links`), and each person's message is
 * that rendering with their values put in place of the stand-ins.
 *
 * The bytes are those of `renderer.render` for the same view, by construction and by check:
 * - a kind without an HTML template has its HTML body made from its text, its addresses made into
 *   links, which depends on what surrounds a value: that body is made from each person's own text,
 *   as `render` makes it, and put into the shared rendering of the rest (the layout) like a value;
 * - only values that every escaping of `render` leaves as they are and that are not empty: no
 *   control character, no HTML-special character (`& < > " '`), no line break or tab, no space at
 *   either end (a subject is trimmed, a text loses its trailing space); anything else is rendered
 *   as before;
 * - the rest of the view must be equal (compared through `viewKey`, which gives up on anything but
 *   plain data);
 * - a shared view is rendered with stand-ins once a second person has it (the first person's
 *   message is rendered whole), with stand-ins of two lengths, which must give the same rendering (a
 *   template that looks at a value, its length say, rather than writing it stops there), and the
 *   first person's message made from it must be the one rendered whole.
 *
 * Lives as long as one command (`CommandContext`): the templates and catalogues it read do not change under it.
 */
export class FanOutRenderer {
  /**
   * Per language, kind and shared view: its first person's rendering (the view met once: a message
   * to one person costs one rendering), then the rendering with stand-ins, or null where it must not be used.
   */
  private readonly frames = new Map<string, First | Frame | null>();

  /**
   * Per language and kind, its first message, whose view is looked at only when a second message of
   * the kind comes: a reminder to one coordinator pays for no stand-ins and no view key.
   */
  private readonly firsts = new Map<string, { view: Record<string, unknown>; rendered: RenderedMessage } | null>();

  /** How many messages were made from a shared rendering rather than rendered whole. */
  personalised = 0;

  constructor(private readonly renderer: TemplateRenderer) {}

  /** The same as `renderer.render(kind, view, language)`. */
  render(kind: string, view: Record<string, unknown>, language: Language = 'en'): RenderedMessage {
    const ofKind = `${language}\0${kind}`;
    const first = this.firsts.get(ofKind);
    if (first === undefined) {
      const rendered = this.renderer.render(kind, view, language);
      this.firsts.set(ofKind, { view, rendered });
      return rendered;
    }
    if (first !== null) {
      this.firsts.set(ofKind, null);
      this.meet(kind, first.view, first.rendered, language);
    }
    const personal = standIns(view, SHORT);
    const shared = personal && viewKey(personal.view);
    if (!personal || shared === null) return this.renderer.render(kind, view, language);
    const id = `${language}\0${kind}\0${shared}`;
    const known = this.frames.get(id);
    if (known === null) return this.renderer.render(kind, view, language);
    if (known === undefined) {
      const rendered = this.renderer.render(kind, view, language);
      this.frames.set(id, { values: personal.values, rendered });
      return rendered;
    }
    let frame: Frame | null;
    if ('rendered' in known) {
      // The second person with this view: the shared rendering is made, and checked against the first.
      const made = this.frame(kind, personal, SHORT, language);
      const longer = standIns(view, LONG);
      const again = longer && this.frame(kind, longer, LONG, language);
      frame = made !== null && again !== null && sameFrame(made, again) && sameMessage(fill(made, known.values), known.rendered) ? made : null;
      this.frames.set(id, frame);
      if (frame === null) return this.renderer.render(kind, view, language);
    } else frame = known;
    this.personalised++;
    return fill(frame, personal.values);
  }

  /** Notes a view rendered whole as the first of its shared view (what a second person with it is checked against). */
  private meet(kind: string, view: Record<string, unknown>, rendered: RenderedMessage, language: Language): void {
    const personal = standIns(view, SHORT);
    const shared = personal && viewKey(personal.view);
    if (!personal || shared === null) return;
    const id = `${language}\0${kind}\0${shared}`;
    if (!this.frames.has(id)) this.frames.set(id, { values: personal.values, rendered });
  }

  /** The rendering of a view with stand-ins, cut at them; for a kind without an HTML template, its body is one more stand-in. */
  private frame(kind: string, personal: { view: Record<string, unknown>; values: string[] }, padding: string, language: Language): Frame | null {
    if (this.renderer.hasHtml(kind)) return frameOf(this.renderer.render(kind, personal.view, language));
    const rendered = this.renderer.renderAroundBody(kind, personal.view, language, standIn(personal.values.length, padding));
    const frame = frameOf(rendered);
    const main = partOf(rendered.main);
    return frame && main ? { ...frame, main } : null;
  }
}

/** The first person met with a shared view: their values and their message, rendered whole. */
interface First {
  values: string[];
  rendered: RenderedMessage;
}

/** A rendering cut at its stand-ins: `texts` has one more element than `slots` (which value goes between). */
interface Part {
  texts: string[];
  slots: number[];
}

/** The parts of a rendering; with `main` (the text without its footer) when the HTML body is made from the text, and stands in the HTML as the value after the person's own. */
type Frame = Record<keyof RenderedMessage, Part> & { main?: Part };

/** Private-use characters: no template, catalogue or value written by a person is let through with them. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SHORT = '';
const LONG = '\uE002'.repeat(8);
const STAND_IN = /\uE000(\d+)\uE002*\uE001/g;
/** What `render` would change in a value (escaping, trimming, joining lines), or what could pass for a stand-in. */
const NOT_AS_IS = /[\x00-\x1f\x7f-\x9f\u2028\u2029&<>"'\uE000-\uF8FF]/;
const SPACE_AT_END = /^\s|\s$/;

function standIn(index: number, padding: string): string {
  return `${OPEN}${index}${padding}${CLOSE}`;
}

function asIs(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !NOT_AS_IS.test(value) && !SPACE_AT_END.test(value);
}

/**
 * The view with stand-ins for the person's own values, and those values; null when one of them
 * would not come out as it is (the message is then rendered as a whole).
 */
function standIns(view: Record<string, unknown>, padding: string): { view: Record<string, unknown>; values: string[] } | null {
  const values: string[] = [];
  const stood = (value: unknown): string | null => {
    if (!asIs(value)) return null;
    values.push(value);
    return standIn(values.length - 1, padding);
  };
  const name = stood(view.recipientName);
  const email = stood(view.recipientEmail);
  if (name === null || email === null) return null;
  const out: Record<string, unknown> = { ...view, recipientName: name, recipientEmail: email };
  if (view.links !== undefined) {
    if (!isPlainObject(view.links)) return null;
    const links: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(view.links)) {
      if (typeof value !== 'string') links[key] = value;
      else {
        const s = stood(value);
        if (s === null) return null;
        links[key] = s;
      }
    }
    out.links = links;
  }
  return { view: out, values };
}

/**
 * A text that is the same for two views exactly when Mustache and the catalogue see the same data
 * in them: strings, numbers, booleans, null, undefined (kept apart from a missing property, which
 * Mustache looks up in the enclosing context), arrays and plain objects. Null for anything else.
 */
export function viewKey(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return `#${String(value)}`;
    case 'boolean':
      return value ? 'T' : 'F';
    case 'undefined':
      return 'U';
    case 'object': {
      if (value === null) return 'N';
      if (Array.isArray(value)) {
        let out = '[';
        for (const item of value) {
          const k = viewKey(item);
          if (k === null) return null;
          out += `${k},`;
        }
        return `${out}]`;
      }
      if (!isPlainObject(value)) return null;
      let out = '{';
      for (const key of Object.keys(value)) {
        const k = viewKey(value[key]);
        if (k === null) return null;
        out += `${JSON.stringify(key)}:${k},`;
      }
      return `${out}}`;
    }
    default:
      return null;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function partOf(text: string): Part | null {
  const texts: string[] = [];
  const slots: number[] = [];
  let from = 0;
  for (const m of text.matchAll(STAND_IN)) {
    texts.push(text.slice(from, m.index));
    slots.push(Number(m[1]));
    from = m.index + m[0].length;
  }
  texts.push(text.slice(from));
  // A stand-in cut apart (or made up) by something on the way: not a rendering to fill in.
  return texts.some((t) => /[\uE000-\uE002]/.test(t)) ? null : { texts, slots };
}

function frameOf(m: RenderedMessage): Frame | null {
  const subject = partOf(m.subject);
  const text = partOf(m.text);
  const html = partOf(m.html);
  return subject && text && html ? { subject, text, html } : null;
}

function fillPart(part: Part, values: readonly string[]): string {
  let out = part.texts[0]!;
  for (let i = 0; i < part.slots.length; i++) out += values[part.slots[i]!]! + part.texts[i + 1]!;
  return out;
}

function fill(frame: Frame, values: readonly string[]): RenderedMessage {
  // The HTML body made from this person's text, as `render` makes it, goes in after their values.
  const html = frame.main ? fillPart(frame.html, [...values, paragraphs(fillPart(frame.main, values))]) : fillPart(frame.html, values);
  return { subject: fillPart(frame.subject, values), text: fillPart(frame.text, values), html };
}

function sameFrame(a: Frame, b: Frame): boolean {
  const same = (x: Part, y: Part) => x.texts.length === y.texts.length && x.texts.every((t, i) => t === y.texts[i]) && x.slots.every((n, i) => n === y.slots[i]);
  const sameMain = a.main && b.main ? same(a.main, b.main) : a.main === b.main;
  return sameMain && same(a.subject, b.subject) && same(a.text, b.text) && same(a.html, b.html);
}

function sameMessage(a: RenderedMessage, b: RenderedMessage): boolean {
  return a.subject === b.subject && a.text === b.text && a.html === b.html;
}
