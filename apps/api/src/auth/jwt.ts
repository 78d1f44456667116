import { createHmac, timingSafeEqual } from 'node:crypto';

/** HS256 JSON Web Tokens (RFC 7519), the only algorithm accepted. */

export const ROLES = ['council', 'coordinator', 'funder', 'organizer', 'network'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenClaims {
  sub: string;
  role: Role;
  /** coordinator: `region:XX`, `department:XX`; a local referent: `epci:<siren>` or `commune:<insee>` */
  territory?: string;
  /** network (a tête de réseau) */
  networkId?: string;
  /** funder */
  funderId?: string;
  /** organizer */
  structureIds?: string[];
  iat?: number;
  exp?: number;
}

/** the territory claim's shape (the territory itself is checked against the official code where it is used) */
export const TERRITORY_CLAIM = /^(region:[0-9]{2}|department:[0-9AB]{2,3}|epci:[0-9]{9}|commune:(?:[0-9]{5}|2[AB][0-9]{3}))$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

const b64url = (input: Buffer | string) => Buffer.from(input).toString('base64url');

/** HS256 keys shorter than this are refused everywhere: a short or empty secret can be guessed or forged. */
export const MIN_SECRET_BYTES = 32;
/** a token minted without an explicit expiry lives this long */
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

function assertStrongSecret(secret: string): void {
  if (typeof secret !== 'string' || Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    throw new Error(`the token secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
}

export function signToken(claims: TokenClaims, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  assertStrongSecret(secret);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ iat: nowSeconds, exp: nowSeconds + DEFAULT_TOKEN_TTL_SECONDS, ...claims }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export function verifyToken(token: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): TokenClaims {
  assertStrongSecret(secret);
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('the token is not a JWT');
  const [header, payload, signature] = parts;
  let head: { alg?: unknown };
  try {
    head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError('the token header is not JSON');
  }
  if (head.alg !== 'HS256') throw new InvalidTokenError('only HS256 tokens are accepted');
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new InvalidTokenError('the token signature does not match');
  }
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError('the token payload is not JSON');
  }
  // every token must say when it ends: a token without a numeric exp would be valid forever
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw new InvalidTokenError('the token must carry a numeric exp (expiry) claim');
  if (claims.exp <= nowSeconds) throw new InvalidTokenError('the token has expired');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || !Number.isFinite(claims.nbf))) throw new InvalidTokenError('the nbf claim must be a number');
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds) throw new InvalidTokenError('the token is not valid yet');
  return parseClaims(claims);
}

function parseClaims(claims: Record<string, unknown>): TokenClaims {
  const role = claims.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenError(`the token's role must be one of ${ROLES.join(', ')}`);
  }
  const sub = typeof claims.sub === 'string' && claims.sub ? claims.sub : `${role}`;
  const result: TokenClaims = { sub, role: role as Role };
  if (role === 'coordinator') {
    if (typeof claims.territory !== 'string' || !TERRITORY_CLAIM.test(claims.territory)) {
      throw new InvalidTokenError('a coordinator token needs a territory claim (region:XX, department:XX, epci:<siren> or commune:<insee>)');
    }
    result.territory = claims.territory;
  }
  if (role === 'funder') {
    if (typeof claims.funderId !== 'string' || !claims.funderId) throw new InvalidTokenError('a funder token needs a funderId claim');
    result.funderId = claims.funderId;
  }
  if (role === 'organizer') {
    if (!Array.isArray(claims.structureIds) || !claims.structureIds.every((s) => typeof s === 'string')) {
      throw new InvalidTokenError('an organizer token needs a structureIds claim (array of ids)');
    }
    result.structureIds = claims.structureIds as string[];
  }
  if (role === 'network') {
    if (typeof claims.networkId !== 'string' || !UUID.test(claims.networkId)) throw new InvalidTokenError('a network token needs a networkId claim (a UUID)');
    result.networkId = claims.networkId;
  }
  if (typeof claims.exp === 'number') result.exp = claims.exp;
  if (typeof claims.iat === 'number') result.iat = claims.iat;
  return result;
}
