import type { SetupResult } from '../../src/use-cases/exercise/init-exercise';
import { setUpExerciseSafely } from '../../src/use-cases/exercise/init-exercise';
import { loadExample } from '../../src/use-cases/exercise/load-example';
import type { App } from '../compose';
import type { CliInvocation } from './argv';

/** `init --example <name>` or `init --exercise ... --timezone ... --coordinator ...`, from the CLI or the console. */
export function initialiseExercise(app: App, init: NonNullable<CliInvocation['init']>, by: string): SetupResult {
  if (init.example) return loadExample(app.db, app.examplesDir, init.example, app.clock.now(), by);
  return setUpExerciseSafely(
    app.db,
    {
      name: init.name,
      timeZone: init.timeZone,
      ...(init.language !== undefined ? { language: init.language } : {}),
      noticeDays: init.noticeDays ?? app.config.NOTICE_DAYS,
      minutesDays: init.minutesDays ?? app.config.MINUTES_DAYS,
      coordinator: { email: init.coordinator, name: init.coordinatorName ?? init.coordinator?.split('@')[0] ?? 'Coordinator' },
    },
    app.clock.now(),
    by,
  );
}
