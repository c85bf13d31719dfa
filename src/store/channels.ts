import type { Db } from './db';
import { exerciseById, type Exercise } from './exercises';
import type { Group } from './members';

export interface GroupChannel {
  exerciseId: number;
  group: Group;
  medium: string;
  channelId: string;
  boundAt: string;
}

/** Binds a group's announcements on one platform to a channel (one channel per group and platform). */
export function bindChannel(db: Db, c: { exerciseId: number; group: Group; medium: string; channelId: string; at: string }): void {
  db.prepare(
    `INSERT INTO exercise_channels (exercise_id, grp, medium, channel_id, bound_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (exercise_id, grp, medium) DO UPDATE SET channel_id = excluded.channel_id, bound_at = excluded.bound_at`,
  ).run(c.exerciseId, c.group, c.medium, c.channelId, c.at);
}

export function channelsOf(db: Db, exerciseId: number, group: Group): GroupChannel[] {
  const rows = db
    .prepare('SELECT * FROM exercise_channels WHERE exercise_id = ? AND grp = ? ORDER BY medium')
    .all(exerciseId, group) as { exercise_id: number; grp: Group; medium: string; channel_id: string; bound_at: string }[];
  return rows.map((r) => ({ exerciseId: r.exercise_id, group: r.grp, medium: r.medium, channelId: r.channel_id, boundAt: r.bound_at }));
}

/** The exercise whose group announcements go to this channel, if any. */
export function channelExercise(db: Db, medium: string, channelId: string): Exercise | undefined {
  const r = db.prepare('SELECT exercise_id FROM exercise_channels WHERE medium = ? AND channel_id = ? LIMIT 1').get(medium, channelId) as
    | { exercise_id: number }
    | undefined;
  return r ? exerciseById(db, r.exercise_id) : undefined;
}
