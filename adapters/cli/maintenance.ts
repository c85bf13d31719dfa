import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/store/db';
import { storageProblem } from '../../src/store/failure';
import { backupNow, restoreFrom } from './backup';
import { MAINTENANCE_HELP, parseMaintenance, type MaintenanceInvocation } from './maintenance-argv';
import type { CliIo } from './main';
import { verifyDatabaseChains, verifyExportFolder } from './verify';

/** `convene verify | backup | restore`: exit 0 done (intact), 1 refused (not intact), 2 usage or environment. */
export async function runMaintenance(argv: string[], mode: MaintenanceInvocation['mode'], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${MAINTENANCE_HELP}\n`);
    return 0;
  }
  const parsed = parseMaintenance(argv, mode);
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n`);
    return 2;
  }
  const inv = parsed.invocation;
  if (inv.mode === 'verify' && inv.exportFolder !== undefined) return verifyExportFolder(inv.exportFolder, io);
  const loaded = loadConfig(io.env);
  if (!loaded.ok) {
    io.stderr(`The configuration has ${loaded.problems.length === 1 ? 'a problem' : 'problems'}:\n${loaded.problems.map((p) => `- ${p}`).join('\n')}\nSee .env.example.\n`);
    return 2;
  }
  const path = inv.db ?? loaded.config.DATABASE_PATH;
  const now = systemClock.now();
  const backupDir = resolve(loaded.config.BACKUP_DIR);
  try {
    if (inv.mode === 'restore') return await restoreFrom(inv.file, path, inv.force, backupDir, now, io);
    if (!existsSync(path)) {
      io.stderr(`There is no database at ${path} (DATABASE_PATH or --db).\n`);
      return 2;
    }
    const db = openDatabase(path);
    try {
      if (inv.mode === 'verify') return verifyDatabaseChains(db, inv.exercise, io);
      return await backupNow(db, resolve(inv.to ?? backupDir), now, io);
    } finally {
      db.close();
    }
  } catch (err) {
    const sentence = storageProblem(err, path);
    if (sentence === null) throw err;
    io.stderr(`${sentence}\n`);
    return 2;
  }
}
