import { Inject, Injectable } from '@nestjs/common';
import { participantDecider, streams } from '@cafeia/domain';
import { Contacts, normaliseContacts, PersonalDataVault, resolveParticipant, sealPersonalData } from '@cafeia/personal-data';
import { badRequest } from '../http/problem';
import { RequestContext } from '../infrastructure/request-context';
import { VAULT } from '../infrastructure/tokens';
import { WriteSide } from '../infrastructure/write-side';

export interface IdentifiedPerson {
  participantId: string;
  contacts: Contacts;
  contactHashes: string[];
  name: string | null;
}

/**
 * Recognises people by their normalised email or phone, and records them with their personal data
 * sealed under their own key (kept in the vault, outside the event store).
 */
@Injectable()
export class ParticipantDirectory {
  private secret: Promise<Buffer> | null = null;

  constructor(@Inject(VAULT) private readonly vault: PersonalDataVault, private readonly writes: WriteSide) {}

  private participantSecret(): Promise<Buffer> {
    return (this.secret ??= this.vault.loadOrCreateSecret('participant-id'));
  }

  /** Normalises and recognises; 400 naming `${field}.email` / `${field}.phone` when invalid. Writes nothing. */
  async identify(raw: { email?: string | null; phone?: string | null; name?: string | null }, field: string): Promise<IdentifiedPerson> {
    const normalised = normaliseContacts(raw);
    if (!normalised.ok) {
      if (normalised.invalid === 'missing') {
        throw badRequest(`${field}: give an email or a phone`, [{ field: `${field}.email`, message: 'an email or a phone is required' }]);
      }
      const which = normalised.invalid;
      const message = which === 'email' ? 'is not a valid email address' : 'is not a valid phone number (E.164, or French national form)';
      throw badRequest(`${field}.${which} ${message}`, [{ field: `${field}.${which}`, message }]);
    }
    const resolved = await resolveParticipant(this.vault, await this.participantSecret(), normalised.contacts);
    return { participantId: resolved.participantId, contacts: normalised.contacts, contactHashes: resolved.contactHashes, name: raw.name?.trim() || null };
  }

  /** Records the person (idempotent) before a café command that refers to them is appended. */
  async ensureRegistered(person: IdentifiedPerson, ctx: RequestContext): Promise<void> {
    const stream = streams.participant(person.participantId);
    const current = await this.writes.load(stream, participantDecider);
    const registered = current.exists && (current.state as { status: string }).status === 'registered';
    if (!registered) {
      const key = await this.vault.ensureKey(person.participantId);
      const sealed = sealPersonalData(key, { ...person.contacts, ...(person.name ? { name: person.name } : {}) });
      await this.writes.execute(
        stream,
        participantDecider,
        { type: 'RegisterParticipant', participantId: person.participantId, personalData: sealed, contactHashes: person.contactHashes, now: this.writes.now() },
        ctx,
      );
    }
    await this.vault.remember(person.contactHashes, person.participantId);
  }

  /** Right to erasure: the key is destroyed (crypto-shredding); every count stays as it was. */
  async erase(participantId: string, ctx: RequestContext) {
    const outcome = await this.writes.execute(
      streams.participant(participantId),
      participantDecider,
      { type: 'EraseParticipant', participantId, now: this.writes.now() },
      ctx,
    );
    await this.vault.destroyKey(participantId);
    return outcome;
  }
}
