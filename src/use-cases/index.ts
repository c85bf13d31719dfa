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
import { setMemberLanguage } from './members/language';
import { setMemberTimeZone } from './members/timezone';
import { setExerciseLanguageCommand } from './exercise/language';
import { bindGroupChannel } from './exercise/bind-channel';
import { exerciseStatus } from './exercise/status';
import { listExercisesCommand } from './exercise/list';
import { scheduleMeeting } from './meetings/schedule';
import { editAgenda } from './meetings/agenda';
import { sendMeetingNotice } from './meetings/send';
import { postponeMeeting } from './meetings/postpone';
import { cancelMeeting } from './meetings/cancel';
import { listMeetings } from './meetings/list';
import { showMeeting } from './meetings/show';
import { showNotices } from './meetings/notices';
import { registerMeetingJobs } from './meetings/jobs';
import { openEndorsement } from './endorsements/open';
import { castVoteCommand } from './endorsements/vote';
import { castProxyVote } from './endorsements/proxy';
import { endorsementStatus } from './endorsements/status';
import { closeEndorsement } from './endorsements/close';
import { listEndorsements } from './endorsements/list';
import { registerEndorsementJobs } from './endorsements/jobs';
import { captureAction, captureDecision, captureNote, recordMeetingAttendance } from './minutes/capture';
import { showMinutes } from './minutes/show';
import { editMinutesItem, removeMinutesItem } from './minutes/revise';
import { correctMinutes, publishMinutes } from './minutes/publish';
import { completeAction, listActions } from './minutes/actions';
import { registerMinutesJobs } from './minutes/jobs';
import { dissolveExercise } from './exercise/dissolve';
import { exportExercise } from './exercise/export';
import { pendingCommands } from './pending';
import { JobHandlers } from '../scheduler/jobs';

/** Every command of the grammar, in the order /help lists them. Built capabilities replace pending ones. */
export function buildRegistry(): Registry {
  let registry: Registry | undefined;
  const built: CommandDefinition[] = [
    helpCommand(() => registry!),
    scheduleMeeting,
    editAgenda,
    sendMeetingNotice,
    postponeMeeting,
    cancelMeeting,
    listMeetings,
    showMeeting,
    showNotices,
    listMembers,
    addOrganisation,
    addFocalPoint,
    removeFocalPoint,
    addObserver,
    setMemberRole,
    setMemberLanguage,
    setMemberTimeZone,
    checkFocalPoints,
    linkChatIdentity,
    verifyChatIdentity,
    exerciseStatus,
    listExercisesCommand,
    setExerciseLanguageCommand,
    dissolveExercise,
    exportExercise,
    bindGroupChannel,
    openEndorsement,
    castVoteCommand,
    castProxyVote,
    endorsementStatus,
    closeEndorsement,
    listEndorsements,
    captureNote,
    captureDecision,
    captureAction,
    recordMeetingAttendance,
    editMinutesItem,
    removeMinutesItem,
    showMinutes,
    publishMinutes,
    correctMinutes,
    listActions,
    completeAction,
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
  const handlers = new JobHandlers();
  registerMeetingJobs(handlers);
  registerEndorsementJobs(handlers);
  registerMinutesJobs(handlers);
  return handlers;
}
