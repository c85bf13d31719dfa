/** `convene verify`, `convene backup`, `convene restore`: the record's keeping, apart from the working group's commands. */
export type MaintenanceInvocation =
  | { mode: 'verify'; db?: string; exercise?: string; exportFolder?: string }
  | { mode: 'backup'; db?: string; to?: string }
  | { mode: 'restore'; db?: string; file: string; force: boolean };

const FLAGS: Record<MaintenanceInvocation['mode'], { values: string[]; switches: string[]; positional: number }> = {
  verify: { values: ['--db', '--exercise', '--export'], switches: [], positional: 0 },
  backup: { values: ['--db', '--to'], switches: [], positional: 0 },
  restore: { values: ['--db'], switches: ['--force'], positional: 1 },
};

export const MAINTENANCE_HELP = `  convene verify [--exercise <slug>] [--export <folder>]
                                        check the audit log's hash chains (or an export folder); exit 0 intact, 1 not
  convene backup [--to <folder>]        a checked copy of the database, named by its date (default BACKUP_DIR)
  convene restore <file> [--force]      put a backup in place of DATABASE_PATH (refuses a copy that does not verify)`;

/** The maintenance mode the words ask for (flags may come first), or null for any other invocation. */
export function maintenanceMode(argv: string[]): MaintenanceInvocation['mode'] | null {
  let at = 0;
  while (at < argv.length && argv[at]!.startsWith('--') && argv[at] !== '--') at += argv[at]!.includes('=') ? 1 : 2;
  const word = argv[at];
  return word === 'verify' || word === 'backup' || word === 'restore' ? word : null;
}

export function parseMaintenance(argv: string[], mode: MaintenanceInvocation['mode']): { ok: true; invocation: MaintenanceInvocation } | { ok: false; message: string } {
  const spec = FLAGS[mode];
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  const words: string[] = [];
  let modeSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!modeSeen && a === mode) {
      modeSeen = true;
      continue;
    }
    if (a.startsWith('--')) {
      const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (spec.switches.includes(flag) && inline === undefined) {
        switches.add(flag);
        continue;
      }
      if (!spec.values.includes(flag)) return { ok: false, message: `Unknown flag ${flag} for convene ${mode}. Usage:\n${MAINTENANCE_HELP}` };
      const value = inline ?? argv[++i];
      if (value === undefined || value.trim() === '') return { ok: false, message: `${flag} needs a value.` };
      if (flag in values) return { ok: false, message: `${flag} is given twice.` };
      values[flag] = value;
      continue;
    }
    words.push(a);
  }
  if (words.length !== spec.positional)
    return { ok: false, message: spec.positional === 1 ? `convene ${mode} needs one file, e.g. convene restore data/backups/convene-2026-12-01T02-00-00Z.sqlite.` : `Unexpected "${words.join(' ')}" after ${mode}.` };
  const db = values['--db'] !== undefined ? { db: values['--db'] } : {};
  if (mode === 'verify') {
    if (values['--exercise'] !== undefined && values['--export'] !== undefined) return { ok: false, message: 'Give --exercise or --export, not both: an export is of one exercise already.' };
    return {
      ok: true,
      invocation: {
        mode, ...db,
        ...(values['--exercise'] !== undefined ? { exercise: values['--exercise'] } : {}),
        ...(values['--export'] !== undefined ? { exportFolder: values['--export'] } : {}),
      },
    };
  }
  if (mode === 'backup') return { ok: true, invocation: { mode, ...db, ...(values['--to'] !== undefined ? { to: values['--to'] } : {}) } };
  return { ok: true, invocation: { mode, ...db, file: words[0]!, force: switches.has('--force') } };
}
