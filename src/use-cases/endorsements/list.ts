import { z } from 'zod';
import { choiceArg } from '../../commands/args';
import { accepted, defineCommand } from '../../commands/registry';
import { endorsementsOf } from '../../store/endorsements';
import { OUTCOME_TEXT } from '../../domain/tally';
import { formatInZone } from '../../domain/time';
import { documentName, mayRead, shortId, standingOf } from './request';

export const listEndorsements = defineCommand({
  path: 'endorse list',
  params: [{ name: 'which', hint: 'open|closed|all', optional: true }],
  schema: z.object({ which: choiceArg('list', ['open', 'closed', 'all'] as const).optional() }),
  summary: 'List endorsement requests: open ones by default, newest first.',
  access: 'member',
  changes: false,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const zone = exercise.timeZone;
    const which = args.which ?? 'open';
    const requests = endorsementsOf(ctx.db, exercise.id, which).filter((e) => mayRead(ctx, e));
    if (requests.length === 0)
      return accepted(which === 'all' ? `No endorsement has been sought in ${exercise.name} yet.` : `No ${which} endorsement requests in ${exercise.name}. /endorse list all shows every request.`);
    const lines = requests.map((e) => {
      const s = standingOf(ctx.db, e);
      const state =
        e.status === 'open'
          ? `open until ${formatInZone(new Date(e.deadlineAt), zone)}; ${s.tally.voted} of ${s.electorate.length} voted`
          : `closed ${formatInZone(new Date(e.closedAt!), zone)}: ${OUTCOME_TEXT[e.outcome!]}`;
      return `${shortId(e)} ${e.group} ${documentName(e)}: ${state}`;
    });
    return accepted(`${which === 'all' ? 'Endorsement requests' : `${which[0]!.toUpperCase()}${which.slice(1)} endorsement requests`} in ${exercise.name}:\n${lines.join('\n')}`);
  },
});
