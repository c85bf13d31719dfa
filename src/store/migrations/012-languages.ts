import type { Migration } from './migration';
import { LANGUAGES } from '../../domain/vocabulary';

const check = (column: string) => `CHECK (${column} IS NULL OR ${column} IN (${LANGUAGES.map((l) => `'${l}'`).join(', ')}))`;

/**
 * A person's language (NULL: the exercise's) and an exercise's default language for its members
 * and its group channels. A person's time zone already has its column (migration 1).
 */
export const migration012: Migration = {
  version: 12,
  name: 'languages',
  sql: `
ALTER TABLE people ADD COLUMN language TEXT ${check('language')};
ALTER TABLE exercises ADD COLUMN language TEXT NOT NULL DEFAULT 'en' ${check('language')};
`,
};
