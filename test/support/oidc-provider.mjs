#!/usr/bin/env node
// A real OpenID Connect provider for tests (oidc-provider 9, ESM-only: hence its own process, since the
// specs run under CommonJS jest). One confidential client, authorization code with PKCE required, scopes
// `openid email`, the `email` claim, and a sign-in form that asks only for an email — no password, it is a
// test provider. Consent is granted on the spot for the one client (see loadExistingGrant).
//
//   node test/support/oidc-provider.mjs --client-id=ID --client-secret=SECRET --redirect-uri=URI
//        [--redirect-uri=URI2] [--post-logout-redirect-uri=URI] [--token-auth-method=client_secret_post]
//        [--port=0] [--exit-with-parent]
//   or the same through OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI (comma-separated),
//   OIDC_POST_LOGOUT_REDIRECT_URI, OIDC_TOKEN_AUTH_METHOD, OIDC_PORT.
//
// Listens on 127.0.0.1 (port 0: one the OS picks) and, when ready, prints the issuer URL — and nothing
// else — on stdout. The subject (`sub`) of an account is the email typed, lowercased.
// --exit-with-parent: exit when stdin closes, so a parent that dies without stopping us leaves nothing.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

// oidc-provider prints its notices with console.info: keep stdout for the issuer line alone
console.info = (...args) => console.error(...args);

const { values: argv } = parseArgs({
  options: {
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    'post-logout-redirect-uri': { type: 'string', multiple: true },
    'token-auth-method': { type: 'string' },
    port: { type: 'string' },
    'exit-with-parent': { type: 'boolean', default: false },
  },
});
const list = (value) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : []);

const clientId = argv['client-id'] ?? process.env.OIDC_CLIENT_ID;
const clientSecret = argv['client-secret'] ?? process.env.OIDC_CLIENT_SECRET;
const redirectUris = argv['redirect-uri'] ?? list(process.env.OIDC_REDIRECT_URI);
const postLogoutRedirectUris = argv['post-logout-redirect-uri'] ?? list(process.env.OIDC_POST_LOGOUT_REDIRECT_URI);
// openid-client's default client authentication is client_secret_post: register the client with it
const tokenAuthMethod = argv['token-auth-method'] ?? process.env.OIDC_TOKEN_AUTH_METHOD ?? 'client_secret_post';
const port = Number(argv.port ?? process.env.OIDC_PORT ?? 0);
if (!clientId || !clientSecret || redirectUris.length === 0) {
  console.error('usage: oidc-provider.mjs --client-id=ID --client-secret=SECRET --redirect-uri=URI [--port=N]');
  process.exit(2);
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A page in French, self-contained (no web font: the machine's network is closed). */
const page = (title, body) => `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} – fournisseur d'identité de test</title>
  <style>
    body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; color: #161616; }
    label, input, button { display: block; font-size: 1rem; }
    input { width: 100%; padding: .5rem; margin: .25rem 0 1rem; border: 1px solid #3a3a3a; box-sizing: border-box; }
    button { padding: .5rem 1rem; margin: 0 0 .5rem; background: #000091; color: #fff; border: 0; cursor: pointer; }
    button.secondary { background: #fff; color: #000091; border: 1px solid #000091; }
    :focus-visible { outline: 3px solid #0a76f6; outline-offset: 2px; }
    .error { color: #ce0500; }
  </style>
</head>
<body>
  <main>
    <h1>${escapeHtml(title)}</h1>
    ${body}
  </main>
</body>
</html>`;

const loginForm = (uid, { email = '', error = '' } = {}) =>
  page(
    'Connexion',
    `<p>Fournisseur d'identité de test : saisissez seulement votre adresse électronique.</p>
    ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
    <form method="post" action="/interaction/${escapeHtml(uid)}/login">
      <label for="email">Adresse électronique</label>
      <input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(email)}">
      <button type="submit">Se connecter</button>
    </form>
    <form method="post" action="/interaction/${escapeHtml(uid)}/abort">
      <button type="submit" class="secondary">Annuler</button>
    </form>`,
  );

/** The account of an email: its subject is the email itself, lowercased. */
const accountOf = (email) => {
  const address = email.trim().toLowerCase();
  return {
    accountId: address,
    async claims() {
      return { sub: address, email: address, email_verified: true };
    },
  };
};

// a signing key made for this run, so no "development-only keys" are used
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };

const server = createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, '127.0.0.1', resolve);
});
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      post_logout_redirect_uris: postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: tokenAuthMethod,
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  scopes: ['openid', 'email'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  // the relying party usually reads the email from the ID token: put the scope's claims there too
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (ctx, sub) => accountOf(sub),
  // a first-party test client: consent is granted without asking, for the scopes requested
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(' ') : 'openid email');
    await grant.save();
    return grant;
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page(
      'Erreur',
      Object.entries(out)
        .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong> : ${escapeHtml(value)}</p>`)
        .join(''),
    );
  },
});
const oidc = provider.callback();

const readForm = (req) =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });

/** The sign-in interaction: GET shows the form, POST …/login signs the email in, POST …/abort refuses. */
async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  const html = (status, body) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
  if (req.method === 'GET' && !action) return html(200, loginForm(uid));
  if (req.method === 'POST' && action === 'abort') {
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'sign-in cancelled' }, { mergeWithLastSubmission: false });
  }
  if (req.method === 'POST' && action === 'login') {
    const email = (await readForm(req)).get('email') ?? '';
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      return html(400, loginForm(uid, { email, error: 'Saisissez une adresse électronique valide.' }));
    }
    return provider.interactionFinished(req, res, { login: { accountId: accountOf(email).accountId } }, { mergeWithLastSubmission: false });
  }
  html(404, page('Introuvable', '<p>Cette page n’existe pas.</p>'));
}

server.on('request', (req, res) => {
  const match = /^\/interaction\/([^/?]+)(?:\/(login|abort))?\/?(?:\?.*)?$/.exec(req.url ?? '');
  if (!match) return oidc(req, res);
  interaction(req, res, match[1], match[2]).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page('Erreur', `<p>${escapeHtml(error.message)}</p>`));
  });
});

const stop = () => {
  server.close(() => process.exit(0));
  // a browser keeps connections open: drop them rather than wait for them
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 1000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (argv['exit-with-parent']) {
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}

console.log(issuer);
