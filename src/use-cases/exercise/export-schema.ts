import { z } from 'zod';
import { CHOICES, DOCUMENT_KINDS, GROUPS, LANGUAGES, MILESTONES, ROLES, RULES } from '../../domain/vocabulary';

/**
 * The JSON an `/exercise export` writes (`record.json`), documented field by field in
 * docs/EXPORT.md. Flat lists, one per kind of record, joined by ids as in the database; every
 * instant is ISO-8601 UTC, every date YYYY-MM-DD in the exercise's zone. `formatVersion` changes
 * only when a field changes meaning or disappears; new fields may be added within a version.
 */
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/, { message: 'an ISO-8601 UTC instant' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a YYYY-MM-DD date' });
const id = z.number().int().positive();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: 'a SHA-256 in hex' });
const group = z.enum(GROUPS);
const medium = z.enum(['email', 'console', 'slack', 'discord']);

// Loose: the content is kept as published, and the audit log's digest of it covers every field.
const contentEntry = z.object({ entryId: id, text: z.string(), by: z.string(), at: z.string() }).loose();

/** What a published version of the minutes said (as e-mailed), kept with the version. */
export const minutesContentSchema = z.object({
  attendance: z.object({ present: z.array(z.string()), absent: z.array(z.string()), recordedAt: z.string() }).loose().nullable(),
  agenda: z.array(z.string()),
  notes: z.array(contentEntry),
  decisions: z.array(contentEntry),
  actions: z.array(z.object({ id: z.string(), organisation: z.string(), dueDate: date, text: z.string(), by: z.string(), at: z.string() }).loose()),
}).loose();

export const exportSchema = z
  .object({
    format: z.literal('convene-exercise-export'),
    formatVersion: z.literal(1),
    exportedAt: instant,
    exportedBy: z.string(),
    databaseVersion: z.number().int(),
    exercise: z.object({
      id, slug: z.string(), name: z.string(), timeZone: z.string(), noticeDays: z.number().int(), minutesDays: z.number().int(),
      status: z.enum(['active', 'dissolved']), createdAt: instant, dissolvedAt: instant.nullable(),
      // report.md is written in it; an export made before it was recorded has none, and its report is English.
      language: z.enum(LANGUAGES).optional(),
    }),
    organisations: z.array(z.object({ id, acronym: z.string(), name: z.string(), inPmg: z.boolean(), addedAt: instant })),
    people: z.array(z.object({
      id, email: z.string(), name: z.string(), timeZone: z.string().nullable(),
      emailStatus: z.enum(['unknown', 'working', 'bounced']), emailStatusDetail: z.string().nullable(),
    })),
    memberships: z.array(z.object({
      id, personId: id, role: z.enum(ROLES), organisationId: id.nullable(), active: z.boolean(),
      addedAt: instant, removedAt: instant.nullable(),
    })),
    chatIdentities: z.array(z.object({ medium: z.string(), userId: z.string(), personId: id, linkedAt: instant, linkedBy: z.string() })),
    channels: z.array(z.object({ group, medium: z.string(), channelId: z.string(), boundAt: instant })),
    meetings: z.array(z.object({
      id, group, title: z.string(), startsAt: instant, durationMinutes: z.number().int(), place: z.string().nullable(),
      milestone: z.enum(MILESTONES).nullable(),
      status: z.enum(['scheduled', 'noticed', 'notice-missed', 'cancelled', 'held']), noticeDeadline: instant,
      urgentReason: z.string().nullable(), sequence: z.number().int(), agendaVersion: z.number().int(), sentAgendaVersion: z.number().int().nullable(),
      organizerPersonId: id, cancelReason: z.string().nullable(), createdAt: instant, updatedAt: instant,
    })),
    agendaItems: z.array(z.object({ id, meetingId: id, position: z.number().int(), text: z.string(), addedAt: instant })),
    meetingNotices: z.array(z.object({
      id, meetingId: id, version: z.number().int(), kind: z.enum(['invitation', 'amendment', 'postponement', 'cancellation']),
      sequence: z.number().int(), startsAt: instant, noticeDeadline: instant, agenda: z.array(z.string()), reason: z.string().nullable(),
      sentAt: instant, sentByPersonId: id.nullable(), late: z.boolean(),
    })),
    noticeMessages: z.array(z.object({ outboxId: id, noticeId: id, personId: id, catchUp: z.boolean() })),
    messages: z.array(z.object({
      id, kind: z.string(), ref: z.string().nullable(), medium, address: z.string(), personId: id.nullable(), organisationId: id.nullable(),
      subject: z.string(), text: z.string(), hasHtml: z.boolean(), calendarMethod: z.enum(['REQUEST', 'CANCEL', 'PUBLISH']).nullable(),
      status: z.enum(['pending', 'sending', 'sent', 'failed']), attempts: z.number().int(), createdAt: instant,
      handedOverAt: instant.nullable(), providerId: z.string().nullable(), lastError: z.string().nullable(), failedAt: instant.nullable(),
    })),
    endorsements: z.array(z.object({
      id, group, title: z.string(), document: z.enum(DOCUMENT_KINDS).nullable(),
      version: z.string().nullable(), link: z.string().nullable(), rule: z.enum(RULES), quorum: z.number().int(),
      meetingId: id.nullable(), deadlineAt: instant, urgentReason: z.string().nullable(), openedAt: instant, openedByPersonId: id.nullable(),
      status: z.enum(['open', 'closed']), outcome: z.enum(['endorsed', 'not-endorsed', 'no-quorum', 'superseded', 'withdrawn']).nullable(),
      closedAt: instant.nullable(), closedHow: z.enum(['deadline', 'coordinator', 'all-voted', 'new-version']).nullable(), supersededBy: id.nullable(),
    })),
    votes: z.array(z.object({
      id, endorsementId: id, organisationId: id, choice: z.enum(CHOICES), comment: z.string().nullable(),
      castByPersonId: id, proxy: z.boolean(), castAt: instant, current: z.boolean(), replacedAt: instant.nullable(),
    })),
    minutesEntries: z.array(z.object({ id, meetingId: id, kind: z.enum(['note', 'decision']), text: z.string(), capturedAt: instant, capturedByPersonId: id.nullable() })),
    minutesRevisions: z.array(z.object({
      id, meetingId: id, entryId: id.nullable(), actionItemId: id.nullable(), change: z.enum(['edit', 'remove']), text: z.string().nullable(),
      revisedAt: instant, revisedByPersonId: id.nullable(),
    })),
    attendance: z.array(z.object({ id, meetingId: id, organisationIds: z.array(id), recordedAt: instant, recordedByPersonId: id.nullable() })),
    minutesVersions: z.array(z.object({
      id, meetingId: id, version: z.number().int().positive(), correction: z.string().nullable(), content: minutesContentSchema,
      publishedAt: instant, publishedByPersonId: id.nullable(), dueDate: date, late: z.boolean(),
    })),
    minutesMessages: z.array(z.object({ outboxId: id, versionId: id, personId: id.nullable() })),
    actionItems: z.array(z.object({
      id, meetingId: id, organisationId: id, dueDate: date, text: z.string(), capturedAt: instant, capturedByPersonId: id.nullable(),
      status: z.enum(['open', 'done']), doneAt: instant.nullable(), doneByPersonId: id.nullable(),
    })),
    jobs: z.array(z.object({
      id, kind: z.string(), ref: z.string(), dueAt: instant, payload: z.record(z.string(), z.unknown()).nullable(),
      status: z.enum(['pending', 'done', 'cancelled']), doneAt: instant.nullable(), late: z.boolean(), note: z.string().nullable(),
    })),
    auditLog: z.array(z.object({
      id, at: instant, actorPersonId: id.nullable(), actor: z.string(), action: z.string(), command: z.string().nullable(),
      outcome: z.string(), detail: z.record(z.string(), z.unknown()).nullable(),
      state: z.array(z.tuple([z.enum(['vote', 'minutes', 'message']), id, sha256Hex])).nullable(), prevHash: sha256Hex.nullable(), hash: sha256Hex.nullable(),
    })),
    chain: z.object({ head: sha256Hex.nullable(), entries: z.number().int().nonnegative() }),
  })
  .strict();

export type ExerciseRecord = z.output<typeof exportSchema>;

/** The lists of the record, in the order the JSON has them: one per table of the database. */
export type RecordTables = Omit<ExerciseRecord, 'format' | 'formatVersion' | 'exportedAt' | 'exportedBy' | 'databaseVersion' | 'exercise'>;
