import { notFound, ruleViolation } from '../errors';
import type { CafeState, KnownCafe } from './cafe.state';

export const knownCafe = (state: CafeState): KnownCafe => {
  if (state.status === 'unscheduled') throw notFound('cafe_not_found', 'No café is scheduled with this id.');
  return state;
};

export const refuseIfCancelled = (cafe: KnownCafe, what: string): void => {
  if (cafe.status === 'cancelled') throw ruleViolation('cafe_cancelled', `This café was cancelled: ${what}.`);
};
