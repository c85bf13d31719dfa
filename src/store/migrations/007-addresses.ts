import type { Migration } from './migration';

/**
 * Chat addresses say whether they are a person or a channel (a Discord id does not say which,
 * and a message to a Discord user needs a DM channel opened first): `slack:U123` becomes
 * `slack:person:U123`, `slack:C123` becomes `slack:channel:C123`. A row for a person (`person_id`
 * set) was a direct message; a row without one was a group channel's announcement.
 * Chat identities and group channels keep their ids in columns of their own and need no change.
 */
export const migration007: Migration = {
  version: 7,
  name: 'typed chat addresses',
  sql: `
UPDATE outbox
SET address = medium || ':' || CASE WHEN person_id IS NULL THEN 'channel' ELSE 'person' END || ':' || substr(address, length(medium) + 2)
WHERE medium IN ('slack', 'discord')
  AND address LIKE medium || ':%'
  AND address NOT LIKE medium || ':person:%'
  AND address NOT LIKE medium || ':channel:%';
`,
};
