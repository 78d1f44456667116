import 'reflect-metadata';
import { loadConfig } from '@cafeia/config';
import { kekId } from '@cafeia/personal-data';
import { openVault } from '../infrastructure/infrastructure.module';

const USAGE = [
  'usage: npm run vault -- --rotate-kek',
  '  wraps every per-person key and vault secret under VAULT_KEK (or VAULT_KEK_FILE): keys stored unwrapped, and',
  '  keys wrapped by the previous key-encryption key given as VAULT_KEK_PREVIOUS (or VAULT_KEK_PREVIOUS_FILE).',
  '  Resumable. With the embedded vault (DATA_DIR/keys.db), stop the API first.',
].join('\n');

/** `npm run vault -- --rotate-kek`: the key rotation of docs/operations.md, with the API's configuration. */
export async function vaultCommand(argv: readonly string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<number> {
  if (argv.length !== 1 || argv[0] !== '--rotate-kek') {
    print(USAGE);
    return 2;
  }
  const config = loadConfig(env);
  if (!config.vaultKek) {
    print('Set the new key-encryption key as VAULT_KEK or VAULT_KEK_FILE (and the old one, if any, as VAULT_KEK_PREVIOUS or VAULT_KEK_PREVIOUS_FILE).');
    return 2;
  }
  const vault = await openVault(config);
  try {
    const report = await vault.rotateKek();
    print(JSON.stringify({ msg: 'vault key-encryption key rotated', kek: kekId(config.vaultKek).toString('hex'), ...report }));
    print(`${report.rewrapped} key(s) and secret(s) wrapped under the key-encryption key ${kekId(config.vaultKek).toString('hex')}; ${report.alreadyCurrent} already were. ${config.vaultKekPrevious ? 'VAULT_KEK_PREVIOUS can now be removed.' : ''}`.trim());
    return 0;
  } finally {
    await vault.close();
  }
}

if (require.main === module) {
  vaultCommand(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((error) => {
      process.stderr.write(`vault: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
