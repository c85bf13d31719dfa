/**
 * The vocabularies of the TOR, defined once: zod schemas, SQL CHECKs, the export schema, the
 * chat forms and the templates read them from here.
 */

/** The Profiling Working Group and its sub-group, the Profiling Management Group. */
export const GROUPS = ['PWG', 'PMG'] as const;
export type Group = (typeof GROUPS)[number];
export const GROUP_NAMES: Record<Group, string> = {
  PWG: 'PWG: Profiling Working Group',
  PMG: 'PMG: Profiling Management Group',
};

/** The four meetings the TOR says the PWG must hold. */
export const MILESTONES = ['tor', 'methodology', 'findings', 'report'] as const;
export type Milestone = (typeof MILESTONES)[number];
export const MILESTONE_NAMES: Record<Milestone, string> = {
  tor: 'Objectives and TOR',
  methodology: 'Methodology and data-collection tools',
  findings: 'Findings and recommendations',
  report: 'Final report and dissemination',
};

/** The documents the TOR asks the group to endorse. */
export const DOCUMENT_KINDS = ['tor', 'methodology', 'tools', 'findings', 'report', 'dissemination'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A member organisation's vote on an endorsement request. */
export const CHOICES = ['endorse', 'object', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

/** How a request is decided. */
export const RULES = ['consensus', 'majority'] as const;
export type Rule = (typeof RULES)[number];

/** A member's role in an exercise. */
export const ROLES = ['coordinator', 'focal', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The languages a member may read Convene in: English, Albanian, and Serbian in Latin and in
 * Cyrillic script (BCP 47 tags). Albanian and Serbian are Kosovo's official languages.
 */
export const LANGUAGES = ['en', 'sq', 'sr-Latn', 'sr-Cyrl'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  sq: 'Albanian (shqip)',
  'sr-Latn': 'Serbian, Latin script (srpski)',
  'sr-Cyrl': 'Serbian, Cyrillic script (српски)',
};
