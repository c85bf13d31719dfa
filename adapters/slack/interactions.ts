import type { AckFn, App, BlockAction, ButtonAction, ViewOutput, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import { REASON_FORM, SCHEDULE_FORM, formIntent, inputOfRefusal, type ChatForm } from '../../src/chat/forms';
import { decodeIntent, encodeIntent, intentCommand, withReason, type ChatIntent } from '../../src/chat/intent';
import type { CommandOutcome } from '../../src/core/ports';
import { escapeSlackText } from '../../src/render/escape';
import { within } from '../shared/budget';
import { digest } from '../shared/recent';
import { ACTIONS_BLOCK, truncateEscaped } from './blocks';
import { answer, answerWith, failed, formFor, runAs, wordsFor, type SlackDeps } from './bridge';
import { publishHome } from './home';
import { OBJECTION_VIEW, SCHEDULE_VIEW, formValues, formView, readOrigin } from './modals';

/**
 * A form's answer must travel in the acknowledgement (errors shown in the form), so a submission
 * runs before it is acknowledged; past this budget it is acknowledged (the form closes) and the
 * answer follows as a message. Slack gives 3 s in all.
 */
export const FORM_BUDGET_MS = 2000;
const FORM_ERROR_LIMIT = 1000;
/** The callback ids of our forms (the schedule form and the reason form of an objection). */
const FORM_VIEWS = new RegExp(`^(${SCHEDULE_VIEW}|${OBJECTION_VIEW})$`);

export function registerInteractions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>({ block_id: new RegExp(`^${ACTIONS_BLOCK}`), type: 'block_actions' }, async ({ ack, body, action }) => {
    await ack();
    await deps.afterAck.run(() => onClick(deps, body, action));
  });

  // One listener for both forms: Bolt runs every request, slash commands included, through every listener.
  app.view<ViewSubmitAction>(FORM_VIEWS, async ({ ack, body, view }) => {
    if (view.callback_id === SCHEDULE_VIEW) {
      await submitForm(deps, ack, body.user.id, view, SCHEDULE_FORM, formIntent(SCHEDULE_FORM, formValues(SCHEDULE_FORM, view.state.values)));
      return;
    }
    const origin = readOrigin(view);
    if (!origin.decoded) {
      await ack({ response_action: 'errors', errors: { reason: (await wordsFor(deps, body.user.id)).formLostRequest } });
      return;
    }
    const reason = formValues(REASON_FORM, view.state.values)['reason'] ?? '';
    await submitForm(deps, ack, body.user.id, view, REASON_FORM, withReason(deps.registry, origin.decoded, reason));
  });
}

async function onClick(deps: SlackDeps, body: BlockAction<ButtonAction>, action: ButtonAction): Promise<void> {
  const userId = body.user.id;
  const channelId = body.channel?.id ?? (body.container['channel_id'] as string | undefined);
  const container = body.container['type'] === 'view' ? String(body.container['view_id']) : `${channelId}/${String(body.container['message_ts'] ?? body.message?.ts)}`;
  const to = { responseUrl: body.response_url, userId };
  const value = action.value ?? '';
  const deliveryId = deps.recent.clickId({ prefix: 'slack:block_actions', userId, container, actionId: action.action_id, value, actionTs: action.action_ts });
  const { first, result } = deps.recent.once(deliveryId, async () => {
    try {
      const intent = decodeIntent(value);
      const text = intent ? intentCommand(deps.registry, intent) : null;
      if (!intent || text === null) {
        await answer(deps, to, (await wordsFor(deps, userId)).unknownButton);
      } else if (intent.needsReason) {
        // The form's words look the e-mail up, so the form's answer (3 s) finds it cached.
        const drawn = await formFor(deps, userId, { id: REASON_FORM.id, intent });
        await deps.client.views.open({
          trigger_id: body.trigger_id,
          view: formView(drawn, {
            intent: encodeIntent(intent),
            responseUrl: body.response_url,
            ...(channelId ? { channelId } : {}),
            ...(body.view?.type === 'home' ? { home: true as const } : {}),
          }),
        });
      } else {
        const outcome = await runAs(deps, { text, userId, ...(channelId ? { channelId } : {}), deliveryId });
        await answerWith(deps, to, outcome);
        // A button on the App Home: the home shows the new state (the vote cast, the item done).
        if (body.view?.type === 'home') await publishHome(deps, userId);
      }
    } catch (err) {
      await answer(deps, to, await failed(deps, userId, err, 'button'));
    }
  });
  if (first) await result;
}

async function submitForm(
  deps: SlackDeps,
  ack: AckFn<ViewResponseAction>,
  userId: string,
  view: ViewOutput,
  form: ChatForm,
  intent: ChatIntent,
): Promise<void> {
  const origin = readOrigin(view);
  const to = { ...(origin.responseUrl ? { responseUrl: origin.responseUrl } : {}), userId };
  const text = intentCommand(deps.registry, intent)!;
  // The same form sent twice with the same values (a double click on Submit, a retry) is one request.
  const deliveryId = `slack:view_submission:${view.id}:${digest(text)}:${userId}`;
  const { first, result } = deps.recent.once(deliveryId, () =>
    runAs(deps, { text, userId, ...(origin.channelId ? { channelId: origin.channelId } : {}), deliveryId }),
  );
  let outcome: CommandOutcome | null;
  try {
    outcome = await within(result, FORM_BUDGET_MS);
  } catch (err) {
    await ack({ response_action: 'errors', errors: { [form.inputs[0]!.name]: await failed(deps, userId, err, 'form') } });
    return;
  }
  if (outcome === null) {
    await ack();
    if (!first) return;
    const late = await result.catch(async (err: unknown) => ({ reply: await failed(deps, userId, err, 'form') }));
    await answer(deps, to, late.reply);
    return;
  }
  if (outcome.status === 'refused') {
    deps.recent.forget(deliveryId);
    await ack({ response_action: 'errors', errors: { [inputOfRefusal(form.inputs, outcome)]: truncateEscaped(escapeSlackText(outcome.reply), FORM_ERROR_LIMIT) } });
    return;
  }
  await ack();
  if (!first) return;
  await answerWith(deps, to, outcome);
  if (origin.home) await publishHome(deps, userId);
}
