import { RouteMethods, routePattern } from './method-not-allowed';

describe('the methods a path answers', () => {
  const routes = new RouteMethods();
  routes.add('GET', '/health/live');
  routes.add('POST', '/v1/cafes');
  routes.add('GET', '/v1/cafes');
  routes.add('GET', '/v1/cafes/:id');
  routes.add('DELETE', '/v1/cafes/:id/enrolments/:enrolmentId');
  routes.add(['GET', 'POST'], '/docs/*');

  it('lists every method of the routes that match, with HEAD for GET', () => {
    expect(routes.allowed('/v1/cafes')).toEqual(['GET', 'HEAD', 'POST']);
    expect(routes.allowed('/health/live')).toEqual(['GET', 'HEAD']);
  });

  it('matches parameters, the query string and a trailing slash as the router does', () => {
    expect(routes.allowed('/v1/cafes/3f1c9b3e-0000-4000-8000-000000000000?minPosition=3')).toEqual(['GET', 'HEAD']);
    expect(routes.allowed('/v1/cafes/abc/enrolments/def/')).toEqual(['DELETE']);
    expect(routes.allowed('/docs/swagger-ui.css')).toEqual(['GET', 'HEAD', 'POST']);
  });

  it('lists nothing for a path no route has, so that it stays a 404', () => {
    expect(routes.allowed('/v1/nothing')).toEqual([]);
    expect(routes.allowed('/v1/cafes/abc/enrolments')).toEqual([]);
    expect(routes.allowed('/health')).toEqual([]);
  });

  it('escapes the literal parts of a route', () => {
    expect(routePattern('/v1/fundings/:id/audit.csv').test('/v1/fundings/x/auditXcsv')).toBe(false);
    expect(routePattern('/v1/fundings/:id/audit.csv').test('/v1/fundings/x/audit.csv')).toBe(true);
  });
});
