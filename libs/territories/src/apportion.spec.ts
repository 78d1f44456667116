import { apportion } from './apportion';

describe('apportioning a target by population', () => {
  it('rounds the proportional share to whole people', () => {
    expect(apportion(1_000, 1, 3)).toBe(333); // 333.33
    expect(apportion(1_000, 2, 3)).toBe(667); // 666.67
    expect(apportion(10, 1, 4)).toBe(3); // 2.5 rounds half up
  });

  it('gives the whole target to the whole population and nothing to nobody', () => {
    expect(apportion(1_000_000, 68_952_941, 68_952_941)).toBe(1_000_000);
    expect(apportion(1_000_000, 0, 68_952_941)).toBe(0);
  });

  it('gives nothing when there is no population to share by', () => {
    expect(apportion(1_000, 0, 0)).toBe(0);
  });
});
