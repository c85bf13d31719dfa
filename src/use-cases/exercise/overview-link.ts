import type { CommandContext } from '../../core/context';
import { accepted, refused, type UseCaseResult } from '../../commands/registry';
import { formatInZone } from '../../domain/time';
import { messageLanguage } from '../../i18n/catalogue';
import { formatForReader } from '../../i18n/dates';
import { defaultExpiry } from '../../web/links';
import { issueLink } from '../../web/personal-links';

/**
 * `/exercise status web`: a personal link to the coordinator's overview page. In the terminal it
 * is printed (whoever has the terminal is the coordinator); from chat it goes by e-mail only, so
 * the link never sits in a chat history.
 */
export function overviewLink(ctx: CommandContext): UseCaseResult {
  const exercise = ctx.requireExercise();
  const person = ctx.actor.person;
  if (!person || ctx.actor.member?.role !== 'coordinator')
    return refused('forbidden', ctx.say('reply-exercise-admin.overviewCoordinatorOnly'));
  const links = ctx.settings.links;
  if (!links) return refused('not-available', ctx.say('reply-exercise-admin.overviewNoWeb'));
  const url = issueLink(ctx.db, links, { purpose: 'overview', exerciseId: exercise.id, personId: person.id, target: 0, now: ctx.now });
  const until = formatInZone(defaultExpiry('overview', ctx.now), person.timeZone ?? exercise.timeZone);
  const where = links.localOnly ? ` ${ctx.say('reply-exercise-admin.overviewLocalOnly')}` : '';
  if (ctx.actor.via === 'console')
    return accepted(`${ctx.say('reply-exercise-admin.overviewPrinted', { exercise: exercise.name, url, until })}${where}`, { overviewLink: 'printed', until });
  const language = messageLanguage('overview-link', person, exercise);
  const untilForReader = formatForReader(defaultExpiry('overview', ctx.now), exercise.timeZone, person.timeZone, language);
  ctx.deliver({ kind: 'overview-link', to: person, emailOnly: true, view: { url, until: untilForReader, localOnly: links.localOnly } });
  return accepted(ctx.say('reply-exercise-admin.overviewMailed', { exercise: exercise.name, email: person.email, until }), { overviewLink: 'e-mailed', until });
}
