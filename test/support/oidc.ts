import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface OidcProviderOptions {
  clientId: string;
  clientSecret: string;
  /** Where the provider may send the browser back with the code; several are allowed. */
  redirectUri: string | string[];
  postLogoutRedirectUri?: string | string[];
  /** How the client authenticates at the token endpoint; openid-client's default, client_secret_post, unless told. */
  tokenEndpointAuthMethod?: 'client_secret_post' | 'client_secret_basic';
  /** 0 (default): a port the OS picks. */
  port?: number;
  /** How long to wait for the issuer line (ms). */
  startTimeoutMs?: number;
}

export interface RunningOidcProvider {
  /** e.g. `http://127.0.0.1:40123`: discovery is at `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  /** What the provider printed so far (its notices and errors), to put in a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const SCRIPT = join(__dirname, 'oidc-provider.mjs');
const many = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * A real OpenID Connect provider (oidc-provider, in its own node process: it is ESM-only) with one client.
 * Resolves once it prints its issuer URL. Call `stop()` in `afterAll`; should the test process die first,
 * the provider exits by itself when its stdin closes.
 */
export function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const args = [
    SCRIPT,
    `--client-id=${options.clientId}`,
    `--client-secret=${options.clientSecret}`,
    ...many(options.redirectUri).map((uri) => `--redirect-uri=${uri}`),
    ...many(options.postLogoutRedirectUri).map((uri) => `--post-logout-redirect-uri=${uri}`),
    `--token-auth-method=${options.tokenEndpointAuthMethod ?? 'client_secret_post'}`,
    `--port=${options.port ?? 0}`,
    '--exit-with-parent',
  ];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let stdout = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(killer);
  };

  return new Promise<RunningOidcProvider>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`the OIDC provider did not start: ${why}\n${output}`)));
    };
    const timer = setTimeout(() => fail(`no issuer line after ${options.startTimeoutMs ?? 15_000} ms`), options.startTimeoutMs ?? 15_000);
    child.once('error', (error) => fail(error.message));
    const exitedEarly = (code: number | null, signal: string | null) => fail(`it exited (${signal ?? code})`);
    child.once('exit', exitedEarly);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const issuer = /^(https?:\/\/\S+)$/m.exec(stdout)?.[1];
      if (!issuer) return;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      resolve({ issuer, output: () => output, stop });
    });
  });
}
