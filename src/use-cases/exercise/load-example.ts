import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../store/db';
import { setUpExerciseSafely, type SetupResult } from './init-exercise';

/** Loads an example exercise kept as data: `data/examples/<name>.json` (e.g. the Kosovo TOR). */
export function loadExample(db: Db, examplesDir: string, name: string, now: Date, by: string): SetupResult {
  const file = join(examplesDir, `${name.toLowerCase()}.json`);
  if (!/^[a-z0-9-]+$/i.test(name) || !existsSync(file)) {
    const known = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : [];
    return { ok: false, message: `There is no example "${name}". Known examples: ${known.join(', ') || 'none'}.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { ok: false, message: `${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  return setUpExerciseSafely(db, data, now, by);
}
