import { z } from 'zod';
import { defineCommand, refused, type Access, type CommandDefinition } from '../commands/registry';

/**
 * Commands of the grammar whose capability has not landed yet: they parse, show in /help,
 * are checked for role, and then say plainly that they are not available yet.
 */
function pending(path: string, usage: string, summary: string, access: Access, capability: string): CommandDefinition {
  return defineCommand({
    path,
    usage,
    params: [{ name: 'arguments', rest: true, optional: true }],
    schema: z.object({ arguments: z.string().optional() }),
    summary,
    access,
    changes: true,
    pending: capability,
    run: () => refused('not-available', `/${path} is not available yet.`),
  });
}

const MEETINGS = 'meetings and the seven-day notice';
const ENDORSEMENTS = 'endorsements';

export const pendingCommands: CommandDefinition[] = [
  pending('meeting schedule', '/meeting schedule <PWG|PMG> <date> <time> <title...> [milestone:<tor|methodology|findings|report>] [where:"..."] [duration:<minutes>] [urgent:"<reason>"]', 'Schedule a meeting of the PWG or PMG; refused if its agenda can no longer reach members seven days ahead.', 'coordinator', MEETINGS),
  pending('meeting agenda', '/meeting agenda <id> add <text...> | remove <n> | move <n> <to> | show', "Edit or show a meeting's agenda.", 'coordinator', MEETINGS),
  pending('meeting send', '/meeting send <id>', 'Send the invitation and agenda to every member of the group, by e-mail and chat.', 'coordinator', MEETINGS),
  pending('meeting postpone', '/meeting postpone <id> <date> <time> [reason...]', 'Move a meeting; members are told and calendars updated.', 'coordinator', MEETINGS),
  pending('meeting cancel', '/meeting cancel <id> <reason...>', 'Cancel a meeting; members are told and calendars updated.', 'coordinator', MEETINGS),
  pending('meeting list', '/meeting list [upcoming|past|all]', 'List meetings.', 'member', MEETINGS),
  pending('meeting show', '/meeting show <id>', 'Show a meeting, its agenda and notice status.', 'member', MEETINGS),
  pending('meeting notices', '/meeting notices <id>', 'Show who was reached, when and how, and who was not.', 'member', MEETINGS),
  pending('endorse open', '/endorse open <PWG|PMG> <title...> [version:<label>] [link:<url>] [deadline:<date>] [rule:<consensus|majority>] [meeting:<id>] [urgent:"<reason>"]', "Seek the group's endorsement of a document.", 'coordinator', ENDORSEMENTS),
  pending('endorse vote', '/endorse vote <id> <endorse|object|abstain> [comment...]', "Cast your organisation's vote.", 'focal', ENDORSEMENTS),
  pending('endorse proxy', '/endorse proxy <id> <org> <endorse|object|abstain> [comment...]', 'Record a vote an organisation gave by phone or in a meeting.', 'coordinator', ENDORSEMENTS),
  pending('endorse status', '/endorse status <id>', 'Show the votes so far, quorum and outcome.', 'member', ENDORSEMENTS),
  pending('endorse close', '/endorse close <id>', 'Close an endorsement request now.', 'coordinator', ENDORSEMENTS),
  pending('endorse list', '/endorse list [open|closed|all]', 'List endorsement requests.', 'member', ENDORSEMENTS),
];
