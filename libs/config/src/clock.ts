/** "Now", pinned by CLOCK for demos and tests, otherwise the system clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const clockFrom = (pinned: string | null): Clock => {
  if (!pinned) return systemClock;
  const at = new Date(pinned);
  return () => new Date(at.getTime());
};
