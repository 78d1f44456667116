import { publishedParents } from './territory-figures';

describe('what a published territory sums into', () => {
  it('puts a commune in its department and its EPCI, a department in its region, a region in the nation', () => {
    expect(publishedParents({ level: 'commune', departmentCode: '69', epciCode: '200046977' })).toEqual(['department:69', 'epci:200046977']);
    expect(publishedParents({ level: 'commune', departmentCode: '29', epciCode: null })).toEqual(['department:29']);
    expect(publishedParents({ level: 'department', regionCode: '84' })).toEqual(['region:84']);
    expect(publishedParents({ level: 'region' })).toEqual(['national']);
  });

  it('puts an EPCI and the nation in nothing: an EPCI may straddle departments', () => {
    expect(publishedParents({ level: 'epci', departmentCode: '69' })).toEqual([]);
    expect(publishedParents({ level: 'national' })).toEqual([]);
  });
});
