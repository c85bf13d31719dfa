import type { App, SlashCommand } from '@slack/bolt';
import { decodeSlackText } from './blocks';
import { formToOpen, type ChatForm } from '../../src/chat/forms';
import { HELP_COMMAND, answer, answerWith, failed, formFor, runAs, type SlackDeps } from './bridge';
import { formView } from './modals';

/** The slash commands of the manifest; `/convene` is the help (Slack keeps `/help` for itself). */
export const SLASH_COMMANDS = ['/meeting', '/endorse', '/minutes', '/members', '/exercise', HELP_COMMAND] as const;

/**
 * The command line in the common grammar: `/members` + `list PMG` → `/members list PMG`,
 * `/convene meeting` → `/help meeting`.
 */
export function commandLine(command: string, text: string): string {
  const topic = command === HELP_COMMAND ? '/help' : command;
  return `${topic} ${decodeSlackText(text)}`.trim();
}

const SLASH_COMMAND = new RegExp(`^(${SLASH_COMMANDS.join('|')})$`);

/**
 * Our slash commands are answered by a global middleware that does not pass them on: Bolt runs
 * every request that reaches its listeners through each listener's middleware (a copy of the
 * arguments per step, promises), and the acknowledgement is the one thing the bot's loop must do
 * at once. Measured with ten listeners (one per command, the button, the forms, the App Home), an
 * acknowledged command allocated 93 KB against a bare app's 51 KB. Anything else (buttons, forms,
 * events, a command not ours) goes on to the listeners.
 */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.use(async (args) => {
    if (!('command' in args) || !SLASH_COMMAND.test(args.command.command)) return args.next();
    // Slack's deadline is 3 s: acknowledge before any Web API call or database work, and let
    // the requests that arrived meanwhile be acknowledged before this one's work runs.
    await args.ack();
    await deps.afterAck.run(() => onCommand(deps, args.command));
  });
}

async function onCommand(deps: SlackDeps, command: SlashCommand): Promise<void> {
  const text = commandLine(command.command, command.text ?? '');
  const to = { responseUrl: command.response_url, userId: command.user_id };
  // A retry (x-slack-retry-num) carries the same trigger_id: the core applies it once, and this
  // process answers it once.
  const deliveryId = `slack:command:${command.trigger_id}`;
  const { first, result } = deps.recent.once(deliveryId, async () => {
    try {
      const form = formToOpen(text);
      if (form) {
        await openForm(deps, command, form);
        return;
      }
      const outcome = await runAs(deps, { text, userId: command.user_id, channelId: command.channel_id, deliveryId });
      await answerWith(deps, to, outcome);
    } catch (err) {
      await answer(deps, to, await failed(deps, command.user_id, err, 'command'));
    }
  });
  if (first) await result;
}

async function openForm(deps: SlackDeps, command: SlashCommand, form: ChatForm): Promise<void> {
  // The form's words look the e-mail up, so the form's submission is answered well within its 3 s.
  const drawn = await formFor(deps, command.user_id, { id: form.id });
  await deps.client.views.open({
    trigger_id: command.trigger_id,
    view: formView(drawn, { responseUrl: command.response_url, channelId: command.channel_id }),
  });
}
