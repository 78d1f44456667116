import { Inject, Injectable } from '@nestjs/common';
import {
  auditStreamIds,
  computeAuditReport,
  fundingParties,
  loadAuditStreams,
  renderAuditCsv,
  verifyAudit,
  type AuditReport,
  type AuditStreams,
  type AuditVerification,
  type CafeDirectory,
} from '@cafeia/audit';
import type { Clock } from '@cafeia/config';
import { streams } from '@cafeia/domain';
import type { EventStore } from '@cafeia/event-store';
import type { Territories } from '@cafeia/territories';
import type { Principal } from '../auth/principal';
import { forbidden, notFoundProblem } from '../http/problem';
import { CLOCK, EVENT_STORE, TERRITORIES } from '../infrastructure/tokens';
import { CAFE_DIRECTORY } from './audit.tokens';

/** Loads the streams behind a funding's audit from the event store (never from read models) and computes it. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CAFE_DIRECTORY) private readonly directory: CafeDirectory,
    @Inject(TERRITORIES) private readonly territories: Territories,
  ) {}

  async report(principal: Principal, fundingId: string, asOf?: string): Promise<AuditReport> {
    const loaded = await this.load(principal, fundingId);
    const report = computeAuditReport({ ...loaded, now: this.clock(), asOf, isParis: (code) => this.territories.isParis(code) });
    if (report === null) {
      throw notFoundProblem(`Funding ${fundingId} had not been granted by the end of ${asOf} (Europe/Paris).`, 'funding_not_found');
    }
    return report;
  }

  async csv(principal: Principal, fundingId: string, asOf?: string): Promise<{ csv: string; digest: string }> {
    const report = await this.report(principal, fundingId, asOf);
    return { csv: renderAuditCsv(report), digest: report.evidence.digest };
  }

  async verify(principal: Principal, fundingId: string): Promise<AuditVerification> {
    const loaded = await this.load(principal, fundingId);
    return verifyAudit(this.store, auditStreamIds(fundingId, loaded));
  }

  /**
   * 403 for a funder asking for a funding that is not theirs, whether or not it exists (no existence oracle);
   * 404 for the council asking for an unknown one; then every stream behind it.
   */
  private async load(principal: Principal, fundingId: string): Promise<AuditStreams> {
    // the scope is checked on the funding alone, before reading anything else
    const parties = fundingParties(await this.store.readStream(streams.funding(fundingId)));
    if (principal.role === 'funder' && principal.funderId !== parties?.funderId) {
      throw forbidden('A funder may read only the audits of its own fundings.');
    }
    if (parties === null) throw notFoundProblem(`No funding has the id ${fundingId}.`, 'funding_not_found');
    const loaded = await loadAuditStreams(this.store, this.directory, fundingId);
    if (loaded === null) throw notFoundProblem(`No funding has the id ${fundingId}.`, 'funding_not_found');
    return loaded;
  }
}
