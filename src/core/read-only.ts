import type { Exercise } from '../store/exercises';

/** Why nothing can change in a dissolved exercise, said the same wherever it is refused. */
export function readOnlySentence(exercise: Exercise): string {
  return `The exercise "${exercise.name}" was dissolved on ${exercise.dissolvedAt?.slice(0, 10)}; its record is read-only. /exercise export still writes it out.`;
}
