import { publicAnimators } from './public-animators';

describe('the public list of animators', () => {
  const commune = { code: '69123', name: 'Lyon' };
  it('holds only the animators listed by their own choice, without the flag', () => {
    const out = publicAnimators([
      { id: 'a1', displayName: 'Camille', commune, trainingStatus: 'completed', listed: true },
      { id: 'a2', displayName: 'Dominique', commune, trainingStatus: 'enrolled', listed: false },
    ]);
    expect(out).toEqual([{ id: 'a1', displayName: 'Camille', commune, trainingStatus: 'completed' }]);
  });

  it('copies no other field a row may carry', () => {
    const row = { id: 'a1', displayName: 'Camille', commune, trainingStatus: 'none' as const, listed: true, email: 'c@example.fr' };
    expect(Object.keys(publicAnimators([row])[0]).sort()).toEqual(['commune', 'displayName', 'id', 'trainingStatus']);
  });
});
