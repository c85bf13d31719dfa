import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction, type RepliableInteraction } from 'discord.js';
import { REASON_FORM, SCHEDULE_FORM, formIntent, type ChatForm } from '../../src/chat/forms';
import { decodeIntent, intentCommand, withReason, type ChatIntent } from '../../src/chat/intent';
import type { CommandOutcome } from '../../src/core/ports';
import { answer, failed, replyNow, runAs, wordsFor, wordsForModal, type DiscordDeps } from './bridge';
import { CUSTOM_ID_LIMIT } from './message';
import { formModal, modalValues } from './modals';

/**
 * Modal custom ids: `convene:form:<form id>`, and for a reason asked before a button's intent
 * runs, the intent itself after it (the button's custom id, handed back untouched).
 */
const FORM_PREFIX = 'convene:form:';
const modalId = (form: ChatForm, intentValue = '') => `${FORM_PREFIX}${form.id}${intentValue ? `:${intentValue}` : ''}`;

/** The modal `/meeting schedule` opens when given no options, in the person's words. */
export async function scheduleModal(deps: DiscordDeps, i: RepliableInteraction) {
  return formModal(modalId(SCHEDULE_FORM), await wordsForModal(deps, i, { id: SCHEDULE_FORM.id }));
}

/**
 * A button under one of our messages: its custom id is an intent `src/` encoded. The clicking
 * user is the actor, as if they had typed the command. An intent that needs a reason (Object)
 * opens a modal asking for it first.
 */
export async function onButton(deps: DiscordDeps, i: ButtonInteraction): Promise<void> {
  const intent = decodeIntent(i.customId);
  if (!intent) {
    await replyNow(deps, i, (await wordsFor(deps, i)).unknownButton);
    return;
  }
  const id = modalId(REASON_FORM, i.customId);
  if (intent.needsReason && id.length <= CUSTOM_ID_LIMIT) {
    await i.showModal(formModal(id, await wordsForModal(deps, i, { id: REASON_FORM.id, intent })));
    return;
  }
  await run(deps, i, intent);
}

/** A modal sent: the schedule form, or the reason for a button's intent. */
export async function onModal(deps: DiscordDeps, i: ModalSubmitInteraction): Promise<void> {
  const values = modalValues(i);
  if (i.customId === modalId(SCHEDULE_FORM)) {
    await run(deps, i, formIntent(SCHEDULE_FORM, values), SCHEDULE_FORM);
    return;
  }
  const reasonPrefix = `${modalId(REASON_FORM)}:`;
  const reasonFor = i.customId.startsWith(reasonPrefix) ? decodeIntent(i.customId.slice(reasonPrefix.length)) : null;
  if (!reasonFor) {
    await replyNow(deps, i, (await wordsFor(deps, i)).unknownForm);
    return;
  }
  await run(deps, i, withReason(deps.registry, reasonFor, values['reason'] ?? ''), REASON_FORM);
}

async function run(deps: DiscordDeps, i: ButtonInteraction | ModalSubmitInteraction, intent: ChatIntent, form?: ChatForm): Promise<void> {
  const text = intentCommand(deps.registry, intent);
  if (text === null) {
    await replyNow(deps, i, (await wordsFor(deps, i)).unknownButton);
    return;
  }
  // Discord's deadline is 3 s: acknowledge before any database work. The answer is for the person.
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const outcome = await runAs(deps, i, text);
    await answer(deps, i, form ? await onInput(deps, i, form, outcome) : outcome);
  } catch (err) {
    await replyNow(deps, i, await failed(deps, i, err, 'button or form'));
  }
}

/**
 * A Discord modal cannot show a sentence on one of its inputs, and it is closed once sent: a
 * refusal about one input names it, so the person knows what to change when they open the form again.
 */
async function onInput(deps: DiscordDeps, i: RepliableInteraction, form: ChatForm, outcome: CommandOutcome): Promise<CommandOutcome> {
  if (outcome.status !== 'refused' || !outcome.field || !form.inputs.some((x) => x.name === outcome.field)) return outcome;
  const drawn = (await wordsFor(deps, i, { form: { id: form.id } })).form!;
  const input = drawn.inputs.find((x) => x.name === outcome.field);
  return input ? { ...outcome, reply: `${input.label}: ${outcome.reply}` } : outcome;
}
