import type { Migration } from './migration';
import { migration001 } from './001-foundation';
import { migration002 } from './002-meetings';
import { migration003 } from './003-endorsements';
import { migration004 } from './004-minutes';
import { migration005 } from './005-audit-chain';
import { migration006 } from './006-web';
import { migration007 } from './007-addresses';
import { migration008 } from './008-perf';
import { migration009 } from './009-delivery';
import { migration011 } from './011-minutes-revisions';
import { migration012 } from './012-languages';
import { migration013 } from './013-outbox-payloads';
import { migration014 } from './014-vote-writes';

export type { Migration } from './migration';

/** Every migration, in order. A new one is a new file here; a released one is never edited. */
export const migrations: Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration011, migration012, migration013, migration014];
