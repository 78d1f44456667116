import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { decodeKnown, participantDecider, streams, unknownReference } from '@cafeia/domain';
import { mapWithConcurrency } from '../infrastructure/concurrency';
import { Contacts, normaliseContacts, openPersonalData, PersonalDataVault, resolveParticipant, sealPersonalData } from '@cafeia/personal-data';
import { badRequest } from '../http/problem';
import { RequestContext } from '../infrastructure/request-context';
import type { AppConfig } from '@cafeia/config';
import type { IdempotencyStore } from '../idempotency/idempotency.store';
import { APP_CONFIG, IDEMPOTENCY_STORE, VAULT } from '../infrastructure/tokens';
import { WriteSide } from '../infrastructure/write-side';

/** people of one request recognised or registered at once */
const PEOPLE_IN_FLIGHT = 16;

/** a person's personal data opened for someone who may act on their café, or why it cannot be */
export type RevealedPerson =
  | { status: 'known'; participantId: string; email: string | null; phone: string | null; name: string | null }
  /** the right to erasure was exercised: the key is gone, only the counts remain */
  | { status: 'erased'; participantId: string }
  | { status: 'unknown'; participantId: string };

export interface IdentifiedPerson {
  participantId: string;
  contacts: Contacts;
  contactHashes: string[];
  name: string | null;
  /** the vault's index already knew one of the contacts */
  recognised?: boolean;
}

/**
 * Recognises people by their normalised email or phone, and records them with their personal data
 * sealed under their own key (kept in the vault, outside the event store).
 */
@Injectable()
export class ParticipantDirectory implements OnApplicationBootstrap {
  private readonly logger = new Logger('participants');

  private secret: Promise<Buffer> | null = null;

  constructor(
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly writes: WriteSide,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    return { participantId: resolved.participantId, contacts: normalised.contacts, contactHashes: resolved.contactHashes, name: raw.name?.trim() || null, recognised: resolved.recognised };
  }

  /**
   * The people an attendance sheet names, as participant ids in the order given: ids are checked to exist (422
   * naming the line), contacts recognised (400 naming the line); those never seen are returned to be registered
   * once the café accepted the command. Recognised side by side, a bounded number at a time.
   */
  async resolveAttendees(attendees: readonly { participantId?: string; email?: string; phone?: string; name?: string }[]): Promise<{ participantIds: string[]; unregistered: IdentifiedPerson[] }> {
    const resolved = await mapWithConcurrency(attendees, PEOPLE_IN_FLIGHT, async (attendee, i) => {
      const field = `attendees[${i}]`;
      if (attendee.participantId) {
        const known = await this.writes.load(streams.participant(attendee.participantId), participantDecider);
        if (!known.exists) throw unknownReference('participant', `${field}.participantId`, attendee.participantId);
        return { participantId: attendee.participantId, identified: null };
      }
      const person = await this.identify(attendee, field);
      return { participantId: person.participantId, identified: person };
    });
    // a person listed twice is registered once
    const unregistered = new Map<string, IdentifiedPerson>();
    for (const { participantId, identified } of resolved) if (identified) unregistered.set(participantId, identified);
    return { participantIds: resolved.map((r) => r.participantId), unregistered: [...unregistered.values()] };
  }

  /** registers people side by side (each idempotent), before the command naming them is appended */
  async registerAll(people: readonly IdentifiedPerson[], ctx: RequestContext): Promise<void> {
    await mapWithConcurrency(people, PEOPLE_IN_FLIGHT, (person) => this.ensureRegistered(person, ctx));
  }

  /** Records the person (idempotent) before a café command that refers to them is appended. */
  async ensureRegistered(person: IdentifiedPerson, ctx: RequestContext): Promise<void> {
    const stream = streams.participant(person.participantId);
    const current = await this.writes.load(stream, participantDecider);
    const registered = current.exists && (current.state as { status: string }).status === 'registered';
    if (!registered) {
      // the key and the contact hashes in one write of the vault (one commit): remembering the hashes before
      // the event is harmless, as a person's id is derived from their contact anyway
      const key = await this.vault.ensureKeyAndRemember(person.participantId, person.contactHashes);
      const sealed = sealPersonalData(key, { ...person.contacts, ...(person.name ? { name: person.name } : {}) });
      await this.writes.execute(
        stream,
        participantDecider,
        { type: 'RegisterParticipant', participantId: person.participantId, personalData: sealed, contactHashes: person.contactHashes, now: this.writes.now() },
        ctx,
      );
      return;
    }
    // a known person recognised by their only contact has nothing new to index: no write
    if (person.recognised && person.contactHashes.length === 1) return;
    await this.vault.remember(person.contactHashes, person.participantId);
  }

  /**
   * Opens the person's sealed personal data (their latest registration, under their key from the vault), for an
   * attendance sheet. The caller checks first that the reader may act on the café: this reads, never logs.
   */
  async reveal(participantId: string): Promise<RevealedPerson> {
    let sealed: string | null | undefined;
    for (const stored of await this.writes.store.readStream(streams.participant(participantId))) {
      const event = decodeKnown(stored);
      // a person erased may come back: a new registration, sealed under a new key
      if (event.type === 'ParticipantRegistered') sealed = event.data.personalData;
      else if (event.type === 'ParticipantErased') sealed = null;
    }
    if (sealed === undefined) return { status: 'unknown', participantId };
    const data = sealed === null ? null : openPersonalData(await this.vault.getKey(participantId), sealed);
    if (data === null) return { status: 'erased', participantId };
    return { status: 'known', participantId, email: data.email ?? null, phone: data.phone ?? null, name: data.name ?? null };
  }

  /**
   * Right to erasure: the key is destroyed (crypto-shredding); every count stays as it was. Two stores are
   * written (the event, then the key), so the erasure is first announced in the vault: a crash in between
   * is finished by `finishPendingErasures` on the next start.
   */
  async erase(participantId: string, ctx: RequestContext) {
    const { state } = await this.writes.load(streams.participant(participantId), participantDecider);
    if (state.status === 'unknown') return this.writes.execute(streams.participant(participantId), participantDecider, this.eraseCommand(participantId), ctx);
    await this.vault.announceErasure(participantId, this.writes.now());
    const outcome = await this.writes.execute(streams.participant(participantId), participantDecider, this.eraseCommand(participantId), ctx);
    if (this.config.faultInjection === 'kill-after-erasure-event') process.kill(process.pid, 'SIGKILL');
    await this.shred(participantId);
    return outcome;
  }

  async onApplicationBootstrap(): Promise<void> {
    const ctx: RequestContext = { principal: { sub: 'system:erasure-reconciler', role: 'council' }, correlationId: randomUUID(), idempotencyKey: null };
    const finished = await this.finishPendingErasures(ctx);
    if (finished.length > 0) this.logger.warn({ msg: 'finished erasures interrupted by a crash', count: finished.length });
  }

  /** finishes the erasures a crash interrupted: appends the event if missing, destroys the key, purges */
  async finishPendingErasures(ctx: RequestContext): Promise<string[]> {
    const pending = await this.vault.pendingErasures();
    for (const participantId of pending) {
      await this.writes.execute(streams.participant(participantId), participantDecider, this.eraseCommand(participantId), ctx);
      await this.shred(participantId);
    }
    return pending;
  }

  private eraseCommand(participantId: string) {
    return { type: 'EraseParticipant' as const, participantId, now: this.writes.now() };
  }

  private async shred(participantId: string): Promise<void> {
    await this.vault.destroyKey(participantId);
    // a remembered answer to an Idempotency-Key may name the person: forget it too
    await this.idempotency.purgeParticipant(participantId);
    await this.vault.clearErasure(participantId);
  }
}
