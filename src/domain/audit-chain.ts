import { createHash } from 'node:crypto';

/**
 * The tamper-evident audit log, as pure rules: the canonical form of an entry and of the rows it
 * vouches for, and the hash chain over them. Each entry's hash covers its content and the hash of
 * the entry before it in the same chain (one chain per exercise, one for the installation), so an
 * entry edited, deleted or moved after it was written no longer fits.
 */

/** JSON with object keys sorted at every level and no spaces: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The rows the log is the source for: votes, published minutes versions, messages handed over (or given up). */
export type RecordedKind = 'vote' | 'minutes' | 'message';

/** The fields of each kind that an entry vouches for, named as in the export (docs/EXPORT.md). */
export const RECORDED_FIELDS: Record<RecordedKind, readonly string[]> = {
  vote: ['id', 'endorsementId', 'organisationId', 'choice', 'comment', 'castByPersonId', 'proxy', 'castAt', 'current', 'replacedAt'],
  minutes: ['id', 'meetingId', 'version', 'correction', 'content', 'publishedAt', 'publishedByPersonId', 'dueDate', 'late'],
  message: ['id', 'kind', 'ref', 'medium', 'address', 'personId', 'subject', 'text', 'status', 'handedOverAt', 'providerId', 'failedAt', 'lastError'],
};

/** What an entry records of one row: its kind, id and the digest of its recorded fields. */
export type StateItem = [kind: RecordedKind, id: number, digest: string];

export function rowDigest(kind: RecordedKind, row: Record<string, unknown>): string {
  const picked: Record<string, unknown> = {};
  for (const f of RECORDED_FIELDS[kind]) picked[f] = row[f] ?? null;
  return sha256(canonicalJson(picked));
}

/** An entry as the chain sees it. `id` orders the chain but is not hashed: a moved entry shows as a broken link. */
export interface ChainedEntry {
  id: number;
  exerciseId: number | null;
  at: string;
  actorPersonId: number | null;
  actor: string;
  action: string;
  command: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
  state: StateItem[] | null;
  prevHash: string | null;
  hash: string | null;
}

export type EntryContent = Omit<ChainedEntry, 'id' | 'hash'>;

export function entryHash(e: EntryContent): string {
  return sha256(
    `convene-audit-1\n${canonicalJson({
      exerciseId: e.exerciseId, at: e.at, actorPersonId: e.actorPersonId, actor: e.actor, action: e.action,
      command: e.command, outcome: e.outcome, detail: e.detail, state: e.state, prevHash: e.prevHash,
    })}`,
  );
}

/** One thing verify found, in a sentence, with the entry it is about (if any). */
export interface Finding {
  entryId: number | null;
  sentence: string;
}

export function describeEntry(e: Pick<ChainedEntry, 'id' | 'at' | 'action' | 'actor'>): string {
  return `Entry ${e.id} (${e.at}, ${e.action} by ${e.actor})`;
}

/**
 * Re-computes one chain, oldest first. The first entry follows nothing; each later one follows
 * the one before it. One finding per entry: a changed content first, else a broken link.
 */
export function checkChain(entries: ChainedEntry[]): Finding[] {
  const findings: Finding[] = [];
  const byHash = new Map<string, ChainedEntry>();
  for (const e of entries) if (e.hash) byHash.set(e.hash, e);
  let previous: ChainedEntry | null = null;
  for (const [i, e] of entries.entries()) {
    const name = describeEntry(e);
    const recomputed = e.hash === null ? null : entryHash(e);
    if (e.hash === null) {
      findings.push({ entryId: e.id, sentence: `${name} has no hash: it was added outside Convene.` });
    } else if (recomputed !== e.hash) {
      findings.push({ entryId: e.id, sentence: `${name} was changed after it was written: ${whatDiffers(e, recomputed!, previous, entries[i + 1])}.` });
    } else if (previous === null ? e.prevHash !== null : e.prevHash !== previous.hash) {
      const follows = e.prevHash ? byHash.get(e.prevHash) : undefined;
      const sentence =
        previous === null
          ? `${name} is the first of its chain but follows an entry that is no longer there: the entries before it were deleted.`
          : follows && follows.id > e.id
            ? `${name} is out of order: it was written after entry ${follows.id}, which now comes after it.`
            : follows
              ? `${name} was written after entry ${follows.id}, but now follows entry ${previous.id}: the entries were reordered.`
              : `${name} does not follow entry ${previous.id}: an entry between them was deleted or changed.`;
      findings.push({ entryId: e.id, sentence });
    }
    previous = e;
  }
  return findings;
}

/** Which part of a changed entry differs, where the chain can tell; otherwise its content. */
function whatDiffers(e: ChainedEntry, recomputed: string, previous: ChainedEntry | null, next: ChainedEntry | undefined): string {
  if (next?.prevHash === recomputed) return 'its recorded hash was replaced (the entry after it still holds the true one)';
  if (previous && e.prevHash !== previous.hash && entryHash({ ...e, prevHash: previous.hash }) === e.hash)
    return 'its link to the entry before it was replaced';
  return 'its content (the command, who acted, the outcome, the details or the rows it recorded) no longer matches its hash';
}

/** The rows the log vouches for, as they are now (from the database or from an export). */
export type CurrentRows = Record<RecordedKind, Record<string, unknown>[]>;

const NOUN: Record<RecordedKind, string> = { vote: 'Vote', minutes: 'Minutes version', message: 'Message' };

/** Whether a row of this kind must have an entry: every vote and minutes version; a message once handed over or given up. */
export function needsEntry(kind: RecordedKind, row: Record<string, unknown>): boolean {
  return kind !== 'message' || row.status === 'sent' || row.status === 'failed';
}

/**
 * State agrees with the log where the log is the source: each row is as the last entry that
 * recorded it says, each recorded row still exists, and no such row is missing its entry.
 */
export function checkState(entries: ChainedEntry[], rows: CurrentRows): Finding[] {
  const findings: Finding[] = [];
  const last = new Map<string, { entry: ChainedEntry; digest: string }>();
  for (const e of entries) for (const [kind, id, digest] of e.state ?? []) last.set(`${kind}:${id}`, { entry: e, digest });
  for (const kind of Object.keys(RECORDED_FIELDS) as RecordedKind[]) {
    const present = new Set<number>();
    for (const row of rows[kind]) {
      const id = row.id as number;
      present.add(id);
      const recorded = last.get(`${kind}:${id}`);
      if (!recorded) {
        if (needsEntry(kind, row)) findings.push({ entryId: null, sentence: `${NOUN[kind]} ${id} has no audit entry: it was written outside Convene.` });
      } else if (rowDigest(kind, row) !== recorded.digest) {
        findings.push({ entryId: recorded.entry.id, sentence: `${NOUN[kind]} ${id} differs from what ${describeEntry(recorded.entry).replace(/^Entry/, 'entry')} recorded: it was changed afterwards.` });
      }
    }
    for (const [key, { entry }] of last) {
      const [k, id] = key.split(':') as [RecordedKind, string];
      if (k === kind && !present.has(Number(id)))
        findings.push({ entryId: entry.id, sentence: `${NOUN[kind]} ${id}, recorded by ${describeEntry(entry).replace(/^Entry/, 'entry')}, is no longer there: it was deleted.` });
    }
  }
  return findings;
}

/**
 * What an export's own audit entry records of it: the digest of the record as gathered just
 * before that entry, without the chain summary. The entry is chained, so the head that partners
 * compare vouches for every byte of the export.
 */
export function exportBodyDigest(body: Record<string, unknown>): string {
  return sha256(canonicalJson({ ...body, chain: undefined }));
}
