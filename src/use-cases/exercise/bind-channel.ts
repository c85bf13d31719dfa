import { z } from 'zod';
import { groupArg } from '../../commands/args';
import { defineCommand, refused } from '../../commands/registry';
import { bindChannel } from '../../store/channels';
import { GROUPS } from '../../domain/vocabulary';
import { translate } from '../../i18n/catalogue';

export const bindGroupChannel = defineCommand({
  path: 'exercise channel',
  params: [{ name: 'group', choices: GROUPS }],
  schema: z.object({ group: groupArg }),
  summary: "Typed in a Slack or Discord channel: the group's announcements (notices, endorsement requests, results, minutes) go there.",
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const channel = ctx.channel;
    if (!channel || channel.medium === 'console' || channel.medium === 'email')
      return refused('rule', ctx.say('reply-exercise-admin.channelWhere', { group: args.group }));
    bindChannel(ctx.db, { exerciseId: exercise.id, group: args.group, medium: channel.medium, channelId: channel.id, at: ctx.nowIso });
    // The whole channel is told, in the language its announcements will be in: the exercise's.
    return {
      ok: true,
      reply: translate(exercise.language, 'reply-exercise-admin.channelBound', { group: args.group, exercise: exercise.name }),
      detail: { group: args.group, medium: channel.medium, channel: channel.id },
      audience: 'channel',
    };
  },
});
