import type { Db } from './db';
import type { Language } from '../domain/vocabulary';

export interface Exercise {
  id: number;
  slug: string;
  name: string;
  timeZone: string;
  /** What its members read when they have chosen no language, and what its group channels read. */
  language: Language;
  noticeDays: number;
  minutesDays: number;
  status: 'active' | 'dissolved';
  createdAt: string;
  dissolvedAt: string | null;
}

interface ExerciseRow {
  id: number;
  slug: string;
  name: string;
  time_zone: string;
  language: Language;
  notice_days: number;
  minutes_days: number;
  status: 'active' | 'dissolved';
  created_at: string;
  dissolved_at: string | null;
}

const toExercise = (r: ExerciseRow): Exercise => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  timeZone: r.time_zone,
  language: r.language,
  noticeDays: r.notice_days,
  minutesDays: r.minutes_days,
  status: r.status,
  createdAt: r.created_at,
  dissolvedAt: r.dissolved_at,
});

export function insertExercise(
  db: Db,
  e: { slug: string; name: string; timeZone: string; language?: Language; noticeDays: number; minutesDays: number; createdAt: string },
): Exercise {
  const info = db
    .prepare(
      `INSERT INTO exercises (slug, name, time_zone, language, notice_days, minutes_days, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.slug, e.name, e.timeZone, e.language ?? 'en', e.noticeDays, e.minutesDays, e.createdAt);
  return exerciseById(db, Number(info.lastInsertRowid))!;
}

export function exerciseById(db: Db, id: number): Exercise | undefined {
  const r = db.prepare('SELECT * FROM exercises WHERE id = ?').get(id) as ExerciseRow | undefined;
  return r && toExercise(r);
}

export function exerciseBySlug(db: Db, slug: string): Exercise | undefined {
  const r = db.prepare('SELECT * FROM exercises WHERE slug = ?').get(slug) as ExerciseRow | undefined;
  return r && toExercise(r);
}

export function listExercises(db: Db): Exercise[] {
  return (db.prepare('SELECT * FROM exercises ORDER BY id').all() as ExerciseRow[]).map(toExercise);
}

/**
 * The language to speak to someone the bot cannot identify (an unlinked chat account, a tampered
 * link): the language every active exercise of the installation shares, else English.
 */
export function installationLanguage(db: Db): Language {
  const languages = new Set((db.prepare(`SELECT DISTINCT language FROM exercises WHERE status = 'active'`).all() as { language: Language }[]).map((r) => r.language));
  return languages.size === 1 ? [...languages][0]! : 'en';
}

export function setExerciseLanguage(db: Db, id: number, language: Language): void {
  db.prepare('UPDATE exercises SET language = ? WHERE id = ?').run(language, id);
}

export function markDissolved(db: Db, id: number, at: string): void {
  db.prepare(`UPDATE exercises SET status = 'dissolved', dissolved_at = ? WHERE id = ?`).run(at, id);
}

/** "Kosovo 2014" → "kosovo-2014"; unique among existing slugs. */
export function freeSlug(db: Db, name: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'exercise';
  let slug = base;
  for (let n = 2; exerciseBySlug(db, slug); n++) slug = `${base}-${n}`;
  return slug;
}
