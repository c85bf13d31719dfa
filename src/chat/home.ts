/**
 * The App Home's sections ("what needs you"): read-only commands run through the core as the
 * person looking, so the core decides what they may see; a refused one is left out.
 */
export interface HomeSection {
  title: string;
  command: string;
}

export const HOME_SECTIONS: readonly HomeSection[] = [
  { title: 'Open endorsements', command: '/endorse list open' },
  { title: 'Upcoming meetings', command: '/meeting list upcoming' },
  { title: 'Open action items', command: '/minutes actions open' },
  { title: 'The exercise', command: '/exercise status' },
];
