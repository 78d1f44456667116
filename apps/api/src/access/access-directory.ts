import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { normaliseEmail, sealPersonalData, uuidV8, type PersonalDataVault } from '@cafeia/personal-data';
import { invalidField } from '../http/problem';
import { VAULT } from '../infrastructure/tokens';

/**
 * Emails of the people granted web access: known to the log only by a keyed hash (the grant id), sealed under a
 * key of their own in the vault, like participants' contacts.
 */
@Injectable()
export class AccessDirectory {
  private secret: Promise<Buffer> | null = null;

  constructor(@Inject(VAULT) private readonly vault: PersonalDataVault) {}

  /** the normalised email, or a 400 naming the path parameter */
  normalise(raw: string): string {
    const email = normaliseEmail(raw);
    if (!email) throw invalidField('email', 'is not a valid email address');
    return email;
  }

  async grantIdOf(email: string): Promise<string> {
    this.secret ??= this.vault.loadOrCreateSecret('access-email');
    return uuidV8(createHmac('sha256', await this.secret).update(email).digest());
  }

  async seal(grantId: string, email: string): Promise<string> {
    const key = await this.vault.ensureKey(`access-${grantId}`);
    return sealPersonalData(key, { email });
  }
}
