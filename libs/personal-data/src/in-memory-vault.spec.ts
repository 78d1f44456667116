import { InMemoryPersonalDataVault } from './in-memory-vault';
import { vaultContract } from './vault.contract';

describe('in-memory personal data vault', () => {
  const vault = new InMemoryPersonalDataVault();
  vaultContract(async () => vault);
});
