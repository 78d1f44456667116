import { randomUUID } from 'node:crypto';
import { loadConfig } from '@cafeia/config';
import { ROLES, Role, signToken, TERRITORY_CLAIM, TokenClaims } from './auth/jwt';

/**
 * Prints a bearer token for the configured secret.
 *   npm run token -- --role council
 *   npm run token -- --role coordinator --territory region:84
 *   npm run token -- --role funder --funderId <uuid>
 *   npm run token -- --role organizer --structureIds <uuid>,<uuid>
 *   npm run token -- --role network --networkId <uuid>
 *   npm run token -- --role coordinator --territory epci:200046977   (a local referent: epci: or commune:)
 * --link prints a sign-in link for the web app instead (http://HOST:PORT/sign-in#token=…; HOST from --host or
 * PUBLIC_URL, PORT from PORT).
 * Options: --sub <subject> (default: the role and a new random id, so that no two minted tokens share a subject),
 *          --ttl <seconds> (default 30 days).
 */
function main(argv: string[]) {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) fail(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (name === 'link' && inline === undefined) {
      args.set('link', 'true');
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`--${name} needs a value`);
    args.set(name, value);
  }
  const role = args.get('role') as Role | undefined;
  if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  const claims: TokenClaims = { sub: args.get('sub') ?? `${role}:${randomUUID()}`, role };
  if (role === 'coordinator') {
    const territory = args.get('territory');
    if (!territory || !TERRITORY_CLAIM.test(territory)) fail('a coordinator needs --territory region:XX, department:XX, epci:<siren> or commune:<insee>');
    claims.territory = territory;
  }
  if (role === 'funder') {
    const funderId = args.get('funderId');
    if (!funderId) fail('a funder needs --funderId <uuid>');
    claims.funderId = funderId;
  }
  if (role === 'organizer') {
    const ids = args.get('structureIds');
    if (!ids) fail('an organizer needs --structureIds <uuid>[,<uuid>…]');
    claims.structureIds = ids.split(',').map((s) => s.trim()).filter(Boolean);
  }
  if (role === 'network') {
    const networkId = args.get('networkId');
    if (!networkId) fail('a network needs --networkId <uuid>');
    claims.networkId = networkId;
  }
  const ttl = Number(args.get('ttl') ?? 30 * 24 * 3600);
  if (!Number.isInteger(ttl) || ttl <= 0) fail('--ttl must be a positive number of seconds');
  const now = Math.floor(Date.now() / 1000);
  claims.exp = now + ttl;
  const config = loadConfig();
  const token = signToken(claims, config.authSecret, now);
  if (args.has('link')) {
    const base = (args.get('host') ?? config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
    // the token travels in the fragment: browsers never send it to the server, so it stays out of its logs
    process.stdout.write(`${base}/sign-in#token=${token}\n`);
  } else {
    process.stdout.write(token + '\n');
  }
}

function fail(message: string): never {
  process.stderr.write(`token: ${message}\n`);
  process.exit(2);
}

main(process.argv.slice(2));
