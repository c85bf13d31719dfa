import type { Db } from './db';

/**
 * The words a person may want to type next in an exercise, for Tab completion in the console:
 * meeting, endorsement and action ids as the commands show them (M1, E1, A1), organisation
 * acronyms and members' e-mail addresses. Bounded: the most recent first.
 */
export function completionWords(db: Db, exerciseId: number): string[] {
  const ids = (sql: string, prefix: string) => (db.prepare(sql).all(exerciseId) as { id: number }[]).map((r) => `${prefix}${r.id}`);
  return [
    ...ids('SELECT id FROM meetings WHERE exercise_id = ? ORDER BY id DESC LIMIT 200', 'M'),
    ...ids('SELECT id FROM endorsements WHERE exercise_id = ? ORDER BY id DESC LIMIT 200', 'E'),
    ...ids('SELECT id FROM action_items WHERE exercise_id = ? ORDER BY id DESC LIMIT 200', 'A'),
    ...(db.prepare('SELECT acronym FROM organisations WHERE exercise_id = ? ORDER BY acronym').all(exerciseId) as { acronym: string }[]).map((r) => r.acronym),
    ...(
      db.prepare('SELECT p.email FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.exercise_id = ? AND m.active = 1 ORDER BY p.email').all(exerciseId) as { email: string }[]
    ).map((r) => r.email),
  ];
}
