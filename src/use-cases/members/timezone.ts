import { z } from 'zod';
import { zoneArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { setPersonTimeZone } from '../../store/members';
import { settingTarget, whomArg } from './whom';

export const setMemberTimeZone = defineCommand({
  path: 'members timezone',
  params: [{ name: 'email', hint: 'email or me' }, { name: 'zone', hint: 'IANA zone' }],
  schema: z.object({ email: whomArg, zone: zoneArg }),
  summary: "Set the time zone a member's dates are shown in, beside the exercise's: me for your own, or (coordinator) a member's e-mail.",
  details: 'The zone is an IANA name such as Europe/Belgrade or America/New_York. The next message shows times in it; messages already sent stay as they were.',
  access: 'member',
  changes: true,
  run(ctx, args) {
    const target = settingTarget(ctx, args.email, 'zone');
    if (!target.ok) return refused(target.code, target.message);
    const m = target.member;
    if (m.timeZone === args.zone) return refused('rule', ctx.say('reply-members.zoneAlready', { email: m.email, zone: args.zone }));
    setPersonTimeZone(ctx.db, m.id, args.zone);
    const exercise = ctx.requireExercise();
    const values = { name: m.name, email: m.email, zone: args.zone, exercise: exercise.name, exerciseZone: exercise.timeZone };
    return accepted(ctx.say(args.zone === exercise.timeZone ? 'reply-members.zoneSet' : 'reply-members.zoneSetBeside', values), { email: m.email, from: m.timeZone, to: args.zone });
  },
});
