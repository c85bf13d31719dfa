import type { AckFn, App, BlockAction, ButtonAction, ViewOutput, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import type { CommandOutcome } from '../../src/core/ports';
import { escapeSlackText } from '../../src/render/escape';
import { ACTIONS_BLOCK, truncateEscaped } from './blocks';
import { answer, failed, runAs, type SlackDeps } from './bridge';
import {
  OBJECTION_VIEW, SCHEDULE_VIEW, fieldOfRefusal, objectionCommand, objectionView, readOrigin, readScheduleForm, scheduleCommand,
} from './modals';
import { digest } from './recent';

/**
 * A form's answer must travel in the acknowledgement (errors shown in the form), so a submission
 * runs before it is acknowledged; past this budget it is acknowledged (the form closes) and the
 * answer follows as a message. Slack gives 3 s in all.
 */
export const FORM_BUDGET_MS = 2000;
const FORM_ERROR_LIMIT = 1000;

export type ButtonIntent =
  | { kind: 'command'; text: string }
  | { kind: 'objection'; request: string }
  | { kind: 'unknown' };

/** A vote button's value: `E3:endorse`, or the vote command itself, `/endorse vote E3 endorse`. */
const VOTE_BUTTON = /^(?:(E\d{1,9}):|\/endorse\s+vote\s+(E\d{1,9})\s+)(endorse|object|abstain)$/i;

/**
 * What a button means. Its value names the request and the choice, never who acts: the clicking
 * user is the actor, as if they had typed the command. Object asks for the reason first.
 */
export function buttonIntent(value: string): ButtonIntent {
  const vote = VOTE_BUTTON.exec(value.trim());
  if (!vote) return { kind: 'unknown' };
  const request = (vote[1] ?? vote[2])!.toUpperCase();
  const choice = vote[3]!.toLowerCase();
  return choice === 'object' ? { kind: 'objection', request } : { kind: 'command', text: `/endorse vote ${request} ${choice}` };
}

export function registerInteractions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>({ block_id: new RegExp(`^${ACTIONS_BLOCK}`), type: 'block_actions' }, async ({ ack, body, action }) => {
    await ack();
    await onClick(deps, body, action);
  });

  app.view<ViewSubmitAction>(SCHEDULE_VIEW, async ({ ack, body, view }) => {
    const form = readScheduleForm(view.state.values);
    await submitForm(deps, ack, body.user.id, view, scheduleCommand(form), (sentence) => fieldOfRefusal(sentence, form));
  });

  app.view<ViewSubmitAction>(OBJECTION_VIEW, async ({ ack, body, view }) => {
    const origin = readOrigin(view);
    if (!origin.request) {
      await ack({ response_action: 'errors', errors: { reason: 'This form no longer knows which request it is about; close it and click Object again.' } });
      return;
    }
    await submitForm(deps, ack, body.user.id, view, objectionCommand(origin.request, view.state.values), () => 'reason');
  });
}

async function onClick(deps: SlackDeps, body: BlockAction<ButtonAction>, action: ButtonAction): Promise<void> {
  const userId = body.user.id;
  const channelId = body.channel?.id ?? (body.container['channel_id'] as string | undefined);
  const container = body.container['type'] === 'view' ? String(body.container['view_id']) : `${channelId}/${String(body.container['message_ts'] ?? body.message?.ts)}`;
  const to = { responseUrl: body.response_url, userId };
  const deliveryId = deps.recent.clickId({ userId, container, actionId: action.action_id, value: action.value ?? '', actionTs: action.action_ts });
  const { first, result } = deps.recent.once(deliveryId, async () => {
    try {
      const intent = buttonIntent(action.value ?? '');
      if (intent.kind === 'unknown') {
        await answer(deps, to, 'This button is not one this version of Convene knows. Type the command instead; /convene lists them.');
      } else if (intent.kind === 'objection') {
        void deps.directory.emailOf(userId); // warm the lookup: the form's answer has 3 s
        await deps.client.views.open({
          trigger_id: body.trigger_id,
          view: objectionView({ request: intent.request, responseUrl: body.response_url, ...(channelId ? { channelId } : {}) }),
        });
      } else {
        const outcome = await runAs(deps, { text: intent.text, userId, ...(channelId ? { channelId } : {}), deliveryId });
        await answer(deps, to, outcome.reply);
      }
    } catch (err) {
      await answer(deps, to, failed(deps, err, 'button'));
    }
  });
  if (first) await result;
}

async function submitForm(
  deps: SlackDeps,
  ack: AckFn<ViewResponseAction>,
  userId: string,
  view: ViewOutput,
  text: string,
  fieldFor: (sentence: string) => string,
): Promise<void> {
  const origin = readOrigin(view);
  const to = { ...(origin.responseUrl ? { responseUrl: origin.responseUrl } : {}), userId };
  // The same form sent twice with the same values (a double click on Submit, a retry) is one request.
  const deliveryId = `slack:view_submission:${view.id}:${digest(text)}:${userId}`;
  const { first, result } = deps.recent.once(deliveryId, () =>
    runAs(deps, { text, userId, ...(origin.channelId ? { channelId: origin.channelId } : {}), deliveryId }),
  );
  let outcome: CommandOutcome | null;
  try {
    outcome = await within(result, FORM_BUDGET_MS);
  } catch (err) {
    await ack({ response_action: 'errors', errors: { [fieldFor('')]: failed(deps, err, 'form') } });
    return;
  }
  if (outcome === null) {
    await ack();
    if (!first) return;
    const late = await result.catch((err: unknown) => ({ reply: failed(deps, err, 'form') }));
    await answer(deps, to, late.reply);
    return;
  }
  if (outcome.status === 'refused') {
    deps.recent.forget(deliveryId);
    await ack({ response_action: 'errors', errors: { [fieldFor(outcome.reply)]: truncateEscaped(escapeSlackText(outcome.reply), FORM_ERROR_LIMIT) } });
    return;
  }
  await ack();
  if (first) await answer(deps, to, outcome.reply);
}

/** The promise's value, or null if it takes longer than `ms`. */
function within<T>(p: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(null), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
