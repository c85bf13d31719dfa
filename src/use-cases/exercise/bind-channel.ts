import { z } from 'zod';
import { groupArg } from '../../commands/args';
import { defineCommand, refused } from '../../commands/registry';
import { bindChannel } from '../../store/channels';
import { GROUPS } from '../../domain/vocabulary';

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
      return refused('rule', `Type /exercise channel ${args.group} inside the Slack or Discord channel that should carry the ${args.group}'s announcements.`);
    bindChannel(ctx.db, { exerciseId: exercise.id, group: args.group, medium: channel.medium, channelId: channel.id, at: ctx.nowIso });
    // The whole channel is told: from now on it carries the group's announcements.
    return {
      ok: true,
      reply: `The ${args.group}'s announcements for ${exercise.name} will be posted in this channel.`,
      detail: { group: args.group, medium: channel.medium, channel: channel.id },
      audience: 'channel',
    };
  },
});
