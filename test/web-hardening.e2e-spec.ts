import { ApiHarness, startApi } from './support/api-harness';

/**
 * The web app as a hostile visitor tries it, over real HTTP: markup in names, redirects to another site after
 * sign-in, paths out of the asset folders, forms without their CSRF token, pages without a session.
 */
describe('web app hardening', () => {
  let api: ApiHarness;
  let council: string;

  beforeAll(async () => {
    api = await startApi();
    council = api.token({ role: 'council' });
  });
  afterAll(() => api.close());

  /** signs in as a browser does: the form's CSRF token and the session cookie */
  async function session(token = council): Promise<string> {
    const page = await fetch(`${api.url}/sign-in`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
    const signedIn = await fetch(`${api.url}/sign-in`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, token, returnTo: '/' }).toString(),
      redirect: 'manual',
    });
    expect(signedIn.status).toBe(303);
    return (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
  }

  it('shows a structure named with markup as text, never as markup', async () => {
    const name = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const created = await api.request('POST', '/v1/structures', { token: council, body: { name, kind: 'library', communeCode: '35238' } });
    expect(created.status).toBe(201);
    const cafe = await api.request('POST', '/v1/cafes', { token: council, body: { structureId: created.body.id, title: '</td><script>x</script>', format: 'atelier', startsAt: '2026-06-01T18:00:00+02:00' } });
    await api.request('POST', `/v1/cafes/${cafe.body.id}/attendance`, { token: council, body: { anonymousCount: 5 } });
    const cookie = await session();
    for (const path of ['/structures', '/cafes', '/territoires/region/53']) {
      const page = await (await fetch(`${api.url}${path}?minPosition=0`, { headers: { cookie, accept: 'text/html' } })).text();
      expect({ path, raw: page.includes('<script>alert') || page.includes('<img src=x') || page.includes('</td><script>') }).toEqual({ path, raw: false });
    }
    const structures = await (await fetch(`${api.url}/structures`, { headers: { cookie } })).text();
    expect(structures).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('gives a new session id at sign-in, and a request still in flight from before never puts the old cookie back', async () => {
    const page = await fetch(`${api.url}/sign-in`);
    const before = (page.headers.get('set-cookie') ?? '').split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
    const signedIn = await fetch(`${api.url}/sign-in`, {
      method: 'POST',
      headers: { cookie: before, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, token: council, returnTo: '/' }).toString(),
      redirect: 'manual',
    });
    const after = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    expect(after).toMatch(/^cafeia_session=/);
    expect(after).not.toBe(before);
    // the sign-in page's fonts and icons, answered after the sign-in: no Set-Cookie, so the browser keeps the new one
    for (const path of ['/assets/dsfr/dsfr.min.css', '/assets/uplot/uPlot.min.css', '/assets/app/app.css']) {
      const late = await fetch(`${api.url}${path}`, { headers: { cookie: before } });
      expect({ path, setCookie: late.headers.get('set-cookie') }).toEqual({ path, setCookie: null });
    }
    expect((await fetch(`${api.url}/`, { headers: { cookie: after }, redirect: 'manual' })).status).toBe(200);
  });

  it('never redirects to another site after signing in', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const page = await fetch(`${api.url}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
      const html = await page.text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];
      const signedIn = await fetch(`${api.url}/sign-in`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, token: council, returnTo }).toString(),
        redirect: 'manual',
      });
      expect({ returnTo, location: signedIn.headers.get('location') }).toEqual({ returnTo, location: '/' });
    }
  });

  it('refuses a form posted without its CSRF token, or with another session’s', async () => {
    const cookie = await session();
    const without = await fetch(`${api.url}/sign-out`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: '' });
    expect(without.status).toBe(403);
    const other = await fetch(`${api.url}/sign-in`);
    const otherCsrf = /name="_csrf" value="([^"]+)"/.exec(await other.text())![1];
    const foreign = await fetch(`${api.url}/sign-out`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(otherCsrf)}` });
    expect(foreign.status).toBe(403);
    // still signed in: nothing was done
    const page = await fetch(`${api.url}/`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
  });

  it('serves nothing outside the asset folders', async () => {
    for (const path of ['/assets/dsfr/../../../package.json', '/assets/dsfr/%2e%2e/%2e%2e/package.json', '/assets/app/..%2f..%2f..%2fconfig%2fconfig.js', '/assets/uplot/../../../../etc/passwd']) {
      const res = await fetch(`${api.url}${path}`);
      const body = await res.text();
      expect({ path, leaked: /"name": "cafeia-impact"|root:x:0:0|loadConfig/.test(body) }).toEqual({ path, leaked: false });
    }
  });

  it('sends a browser without a session to the sign-in page, and keeps session cookies HttpOnly and SameSite=Lax (never sent on another site’s POST)', async () => {
    const page = await fetch(`${api.url}/territoires/region/53`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/sign-in?returnTo=%2Fterritoires%2Fregion%2F53');
    const signIn = await fetch(`${api.url}/sign-in`);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(signIn.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
