import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplateRenderer } from '../../src/render/renderer';

/** A templates folder written by a test, and a renderer on it. */
export interface TemplateFolder {
  dir: string;
  renderer: TemplateRenderer;
  /** Deletes the folder and everything in it. */
  remove(): void;
}

/**
 * Writes `files` (file name → template text, e.g. `'note.txt'`, `'layout.html'`) into a new temp
 * folder and opens a `TemplateRenderer` on it, as the bot does on `templates/`.
 */
export function templateFolder(files: Record<string, string>): TemplateFolder {
  const dir = mkdtempSync(join(tmpdir(), 'convene-templates-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, renderer: new TemplateRenderer(dir), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
