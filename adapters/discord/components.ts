import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import { formatCommand } from '../../src/commands/format';
import { readIntent, SCHEDULE_FORM, type ChatIntent } from '../../src/commands/intents';
import { answer, failed, replyNow, runAs, type DiscordDeps } from './bridge';
import { CUSTOM_ID_LIMIT } from './message';
import { modal, modalValues } from './modals';

/** Modal custom ids: the schedule form, or a reason asked for a button's intent (the intent follows). */
export const SCHEDULE_MODAL = 'convene:schedule';
const REASON_MODAL = 'convene:reason:';

/** The form `/meeting schedule` opens when given no options. */
export function scheduleModal() {
  return modal(SCHEDULE_MODAL, SCHEDULE_FORM.title, SCHEDULE_FORM.fields);
}

/**
 * A button under one of our messages: its custom id is the intent `src/` serialised, handed back
 * untouched. The clicking user is the actor, as if they had typed the command. An intent that
 * needs a reason (Object) opens a modal asking for it first.
 */
export async function onButton(deps: DiscordDeps, i: ButtonInteraction): Promise<void> {
  const intent = readIntent(i.customId);
  if (!intent) {
    await replyNow(deps, i, 'This button is not one this version of Convene knows. Type the command instead; /convene lists them.');
    return;
  }
  if (intent.needsReason) {
    const id = `${REASON_MODAL}${i.customId}`;
    if (id.length <= CUSTOM_ID_LIMIT) {
      await i.showModal(modal(id, intent.needsReason.title, [{ name: intent.needsReason.arg, label: intent.needsReason.label, required: true, multiline: true, maxLength: 2000 }]));
      return;
    }
  }
  await run(deps, i, intent, {});
}

/** A modal sent: the schedule form, or the reason for a button's intent. */
export async function onModal(deps: DiscordDeps, i: ModalSubmitInteraction): Promise<void> {
  const values = modalValues(i);
  if (i.customId === SCHEDULE_MODAL) {
    await run(deps, i, { command: SCHEDULE_FORM.command, args: {} }, values);
    return;
  }
  const intent = i.customId.startsWith(REASON_MODAL) ? readIntent(i.customId.slice(REASON_MODAL.length)) : null;
  if (!intent) {
    await replyNow(deps, i, 'This form is not one this version of Convene knows. Type the command instead; /convene lists them.');
    return;
  }
  await run(deps, i, intent, values);
}

async function run(deps: DiscordDeps, i: ButtonInteraction | ModalSubmitInteraction, intent: ChatIntent, extra: Record<string, string>): Promise<void> {
  // Discord's deadline is 3 s: acknowledge before any database work. The answer is for the person.
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const outcome = await runAs(deps, i, formatCommand(intent.command, { ...intent.args, ...extra }));
    await answer(deps, i, outcome);
  } catch (err) {
    await replyNow(deps, i, failed(deps, err, 'button or form'));
  }
}
