import type { ListableAnimator, PublicAnimator } from '../public-shapes';

/** The animators who chose to be listed, in the public shape (the `listed` flag itself stays inside). */
export const publicAnimators = (rows: readonly ListableAnimator[]): PublicAnimator[] =>
  rows
    .filter((row) => row.listed === true)
    .map(({ id, displayName, commune, trainingStatus }) => ({ id, displayName, commune: { code: commune.code, name: commune.name }, trainingStatus }));
