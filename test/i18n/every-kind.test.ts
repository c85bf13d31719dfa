import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTranslated } from '../../src/i18n/catalogue';
import { TEMPLATES } from '../helpers/app';

const kinds = readdirSync(TEMPLATES).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));

/** The words a template says itself: what is left without its tags, markup, commands and their words. */
function ownWords(source: string): string[] {
  const text = source
    .replace(/^Subject:/, '')
    .replace(/\{\{[^}]*\}\}\}?/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\/[a-z]+(?: [a-z-]+)*(?: <[^>]*>)*/g, ' ');
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

// Command words and option words are the grammar (never translated), and so are file names and the bot's name.
const GRAMMAR = new Set(['endorse', 'object', 'abstain', 'Endorse', 'Object', 'Abstain', 'urgent', 'reason', 'add', 'text', 'record', 'json', 'report', 'md', 'Convene']);

describe('every message kind', () => {
  it('has its words in the catalogues, so it is written in its reader language', () => {
    expect(kinds.length).toBeGreaterThan(20);
    expect(kinds.filter((kind) => !isTranslated(kind))).toEqual([]);
  });

  it('says nothing in English of its own: its templates hold only catalogue messages, values and the grammar', () => {
    const files = readdirSync(TEMPLATES).filter((f) => /\.(txt|html)$/.test(f));
    const english = files.flatMap((f) => ownWords(readFileSync(join(TEMPLATES, f), 'utf8')).filter((w) => !GRAMMAR.has(w)).map((w) => `${f}: ${w}`));
    expect(english).toEqual([]);
  });
});
