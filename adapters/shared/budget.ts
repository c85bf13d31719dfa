/**
 * The promise's value, or null if it takes longer than `ms`: for answers that must travel in a
 * platform's acknowledgement (Slack's 3 s for a form, Discord's 3 s for an interaction) and
 * otherwise follow as a message.
 */
export function within<T>(p: Promise<T>, ms: number): Promise<T | null> {
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
