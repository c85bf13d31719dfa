/**
 * A vocabulary as the list of an SQL `IN (...)` check: `sqlList(GROUPS)` → `'PWG', 'PMG'`.
 * Only for our own constant words (letters, digits, `-`): it refuses anything that would need quoting.
 */
export function sqlList(values: readonly string[]): string {
  for (const v of values) if (!/^[A-Za-z0-9-]+$/.test(v)) throw new Error(`Not a vocabulary word for SQL: ${v}`);
  return values.map((v) => `'${v}'`).join(', ');
}
