import type { Db } from './db';

export interface AuditEntry {
  id: number;
  exerciseId: number | null;
  at: string;
  actorPersonId: number | null;
  actor: string;
  action: string;
  command: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
}

export interface NewAuditEntry {
  exerciseId: number | null;
  at: string;
  actorPersonId?: number | null;
  /** Who, in words: "coord@example.org (slack:U123)", "scheduler", "outbox sender". */
  actor: string;
  action: string;
  command?: string | null;
  outcome: string;
  detail?: Record<string, unknown> | null;
}

/** Appends to the audit log; the table refuses UPDATE and DELETE (triggers). */
export function appendAudit(db: Db, e: NewAuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (exercise_id, at, actor_person_id, actor, action, command, outcome, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.exerciseId, e.at, e.actorPersonId ?? null, e.actor, e.action, e.command ?? null, e.outcome,
    e.detail ? JSON.stringify(e.detail) : null);
}

interface AuditRow {
  id: number; exercise_id: number | null; at: string; actor_person_id: number | null; actor: string;
  action: string; command: string | null; outcome: string; detail: string | null;
}

export function auditOf(db: Db, exerciseId: number | null): AuditEntry[] {
  const rows = (
    exerciseId === null
      ? db.prepare('SELECT * FROM audit_log ORDER BY id').all()
      : db.prepare('SELECT * FROM audit_log WHERE exercise_id = ? ORDER BY id').all(exerciseId)
  ) as AuditRow[];
  return rows.map((r) => ({
    id: r.id, exerciseId: r.exercise_id, at: r.at, actorPersonId: r.actor_person_id, actor: r.actor,
    action: r.action, command: r.command, outcome: r.outcome,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}
