import type { Db } from './db';

export type Row = Record<string, unknown>;

const camelNames = new Map<string, string>();
/** `handed_over_at` → `handedOverAt`; column names are few, so each is converted once. */
const camel = (column: string): string => {
  let name = camelNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    camelNames.set(column, name);
  }
  return name;
};

/** Rows with camelCase keys; 0/1 columns named in `booleans` become booleans, `json` columns are parsed, `omit` ones left out. */
export function select(db: Db, sql: string, params: unknown[], shape: { booleans?: string[]; json?: string[]; rename?: Record<string, string>; omit?: string[] } = {}): Row[] {
  return (db.prepare(sql).all(...params) as Row[]).map((r) => {
    const out: Row = {};
    for (const [column, value] of Object.entries(r)) {
      if (shape.omit?.includes(column)) continue;
      const key = shape.rename?.[column] ?? camel(column);
      if (shape.booleans?.includes(column)) out[key] = value === 1;
      else if (shape.json?.includes(column)) out[key] = typeof value === 'string' ? (JSON.parse(value) as unknown) : null;
      else out[key] = value;
    }
    return out;
  });
}
