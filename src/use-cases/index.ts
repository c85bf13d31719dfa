import { Registry, type CommandDefinition } from '../commands/registry';
import { helpCommand } from './help/help';
import { addOrganisation } from './members/add-org';
import { addFocalPoint } from './members/add-focal';
import { removeFocalPoint } from './members/remove-focal';
import { addObserver } from './members/add-observer';
import { setMemberRole } from './members/set-role';
import { listMembers } from './members/list';
import { checkFocalPoints } from './members/check';
import { linkChatIdentity } from './members/link';
import { verifyChatIdentity } from './members/verify';
import { bindGroupChannel } from './exercise/bind-channel';
import { pendingCommands } from './pending';
import { JobHandlers } from '../scheduler/jobs';

/** Every command of the grammar, in the order /help lists them. Built capabilities replace pending ones. */
export function buildRegistry(): Registry {
  let registry: Registry | undefined;
  const built: CommandDefinition[] = [
    helpCommand(() => registry!),
    listMembers,
    addOrganisation,
    addFocalPoint,
    removeFocalPoint,
    addObserver,
    setMemberRole,
    checkFocalPoints,
    linkChatIdentity,
    verifyChatIdentity,
    bindGroupChannel,
  ];
  const paths = new Set(built.map((d) => d.path));
  const order = ['help', 'meeting', 'endorse', 'minutes', 'members', 'exercise'];
  const all = [...built, ...pendingCommands.filter((d) => !paths.has(d.path))];
  all.sort((a, b) => order.indexOf(a.path.split(' ')[0]!) - order.indexOf(b.path.split(' ')[0]!));
  registry = new Registry(all);
  return registry;
}

/** What the scheduler does for each kind of job; each capability registers its own. */
export function buildJobHandlers(): JobHandlers {
  return new JobHandlers();
}
