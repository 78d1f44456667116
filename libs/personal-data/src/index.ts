export { normaliseContacts, normaliseEmail, normalisePhone, type Contacts, type ContactsNormalisation } from './normalise';
export {
  candidateParticipantId,
  contactHashes,
  resolveParticipant,
  uuidV8,
  type ContactHash,
  type ContactHashes,
  type ContactIndex,
  type ResolvedParticipant,
} from './participant-identity';
export { openPersonalData, PersonalDataTampered, sealPersonalData, type PersonalData } from './cipher';
export { KEY_BYTES, type PersonalDataVault } from './vault';
export { KyselyPersonalDataVault, type KekRotationReport } from './kysely-vault';
export { KeyWrapping, VaultKeyUnavailable, kekId, type KekOptions } from './key-wrapping';
export { openSqliteVault, SQLITE_VAULT_FILE } from './sqlite-vault';
export { openPostgresVault, type PostgresVaultOptions } from './postgres-vault';
export { migrateVault, POSTGRES_VAULT_SCHEMA, type VaultDatabase, type VaultDialect } from './vault-migrations';
export { InMemoryPersonalDataVault } from './in-memory-vault';
export { GroupCommit } from './group-commit';
export { GroupCommitVault } from './group-commit-vault';
export { ThreadedSqliteVault } from './threaded/threaded-vault';
