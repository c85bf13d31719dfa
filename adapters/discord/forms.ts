/** Commands that open a modal when given without options (`/meeting schedule`). */
export const FORM_COMMANDS: ReadonlySet<string> = new Set(['meeting schedule']);
