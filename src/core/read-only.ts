import type { Exercise } from '../store/exercises';
import { sayIn, type Say } from '../i18n/say';

/** Why nothing can change in a dissolved exercise, said the same wherever it is refused. */
export function readOnlySentence(exercise: Exercise, say: Say = sayIn('en')): string {
  return say('refusal.readOnly', { exercise: exercise.name, date: exercise.dissolvedAt?.slice(0, 10) });
}
