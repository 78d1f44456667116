import { describeOnBothDialects } from '@cafeia/database/testing';
import type { AccessScope, DomainEvent } from '@cafeia/domain';
import { EventLog } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';

const scope: AccessScope = { role: 'coordinator', territory: 'region:53', funderId: null, structureIds: null, networkId: null };
const granted = (grantId: string, at: string, s = scope): DomainEvent => ({ type: 'AccessGranted', data: { grantId, emailSealed: 'x', scope: s, at } });
const revoked = (grantId: string, at: string): DomainEvent => ({ type: 'AccessRevoked', data: { grantId, at } });

describeOnBothDialects('access grants', (dialect) => {
  it('keep the last grant of each email until it is revoked, also across batches', async () => {
    const side = await freshReadSide(dialect);
    const log = new EventLog().add(granted('g1', '2026-06-01'), granted('g2', '2026-06-01'), revoked('g2', '2026-06-02'));
    await side.apply(log, 1);
    expect(await side.queries.accessGrant('g1')).toMatchObject({ role: 'coordinator', territory: 'region:53' });
    expect(await side.queries.accessGrant('g2')).toBeNull();
    await side.apply(new EventLog().add(granted('g1', '2026-06-01'), granted('g2', '2026-06-01'), revoked('g2', '2026-06-02'), granted('g2', '2026-06-03', { ...scope, role: 'council', territory: null })).events.slice(3));
    expect(await side.queries.accessGrant('g2')).toMatchObject({ role: 'council', grantedAt: '2026-06-03' });
    expect(await side.queries.accessGrant('nobody')).toBeNull();
  });
});
