import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as bolt from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/app';

const require = createRequire(import.meta.url);
const parts = require('../../../adapters/slack/bolt-parts.cjs') as Record<string, unknown>;

/** The values (not types) the adapters import from '@slack/bolt'. */
function importedValues(): string[] {
  const names = new Set<string>();
  const files = readdirSync(join(ROOT, 'adapters'), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'));
  for (const f of files) {
    for (const m of readFileSync(join(ROOT, 'adapters', f), 'utf8').matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@slack\/bolt'/g)) {
      if (m[1]) continue;
      for (const spec of m[2]!.split(',').map((s) => s.trim()).filter(Boolean)) if (!spec.startsWith('type ')) names.add(spec.split(/\s+as\s+/)[0]!);
    }
  }
  return [...names].sort();
}

// The compiled bot resolves the adapters' '@slack/bolt' to adapters/slack/bolt-parts.cjs (scripts/build.mjs).
describe("the parts of Bolt the compiled bot bundles", () => {
  it('are the very objects of Bolt\'s index, and every value the adapters import from it', () => {
    const used = importedValues();
    expect(used).toEqual(expect.arrayContaining(['App', 'HTTPReceiver', 'LogLevel']));
    for (const name of used) {
      expect(parts[name], name).toBeDefined();
      expect(parts[name], name).toBe((bolt as Record<string, unknown>)[name]);
    }
  });
});
