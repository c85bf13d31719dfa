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
    return refused('forbidden', 'The overview page is for the Profiling Coordinator; /exercise status shows the same facts here.');
  const links = ctx.settings.links;
  if (!links) return refused('not-available', 'The web pages are not set up in this installation, so there is no overview link; /exercise status shows the same facts here.');
  const url = issueLink(ctx.db, links, { purpose: 'overview', exerciseId: exercise.id, personId: person.id, target: 0, now: ctx.now });
  const until = formatInZone(defaultExpiry('overview', ctx.now), person.timeZone ?? exercise.timeZone);
  const where = links.localOnly ? ' It works only on this machine (no PUBLIC_URL is set).' : '';
  if (ctx.actor.via === 'console')
    return accepted(`Your overview of ${exercise.name}: ${url}\nIt is yours alone and works until ${until}.${where}`, { overviewLink: 'printed', until });
  const language = messageLanguage('overview-link', person, exercise);
  const untilForReader = formatForReader(defaultExpiry('overview', ctx.now), exercise.timeZone, person.timeZone, language);
  ctx.deliver({ kind: 'overview-link', to: person, emailOnly: true, view: { url, until: untilForReader, localOnly: links.localOnly } });
  return accepted(`The link to your overview of ${exercise.name} was e-mailed to ${person.email}; it works until ${until}.`, { overviewLink: 'e-mailed', until });
}
