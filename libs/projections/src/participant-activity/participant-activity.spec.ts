import { describeOnBothDialects } from '@cafeia/database/testing';
import type { DomainEvent } from '@cafeia/domain';
import { EventLog } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';
import { ParticipantActivityQueries } from './participant-activity.queries';

const at = (type: 'ParticipantRegistered' | 'ParticipantEnrolled' | 'AttendanceRecorded' | 'ParticipantErased', participantId: string, when: string): DomainEvent => {
  switch (type) {
    case 'ParticipantRegistered':
      return { type, data: { participantId, personalData: 'x', contactHashes: [], at: when } };
    case 'ParticipantEnrolled':
      return { type, data: { cafeId: 'c', enrolmentId: `e-${participantId}-${when}`, participantId, at: when } };
    case 'AttendanceRecorded':
      return { type, data: { cafeId: 'c', enrolmentId: `e-${participantId}`, participantId, at: when } };
    case 'ParticipantErased':
      return { type, data: { participantId, at: when } };
  }
};

describeOnBothDialects('the last activity of each person (retention)', (dialect) => {
  const cutoff = Date.parse('2024-06-15T00:00:00Z');

  it('finds the people whose last registration, enrolment or attendance is older than the cutoff', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(
      new EventLog().add(
        at('ParticipantRegistered', 'old', '2023-01-01T10:00:00Z'),
        at('ParticipantEnrolled', 'old', '2023-02-01T10:00:00Z'),
        at('ParticipantRegistered', 'came-back', '2023-01-01T10:00:00Z'),
        at('AttendanceRecorded', 'came-back', '2025-03-01T10:00:00Z'),
        at('ParticipantRegistered', 'enrolled-lately', '2022-01-01T10:00:00Z'),
        at('ParticipantEnrolled', 'enrolled-lately', '2024-07-01T10:00:00Z'),
        at('ParticipantRegistered', 'erased', '2022-01-01T10:00:00Z'),
        at('ParticipantErased', 'erased', '2022-05-01T10:00:00Z'),
        at('ParticipantRegistered', 'older', '2022-01-01T10:00:00Z'),
      ),
      2,
    );
    const queries = new ParticipantActivityQueries(side.db);
    expect(await queries.countInactive(cutoff)).toBe(2);
    expect(await queries.inactiveSince(cutoff, 10)).toEqual([
      { participantId: 'older', lastActivityAt: '2022-01-01T10:00:00.000Z' },
      { participantId: 'old', lastActivityAt: '2023-02-01T10:00:00.000Z' },
    ]);
    const [first] = await queries.inactiveSince(cutoff, 1);
    expect(await queries.inactiveSince(cutoff, 10, first)).toEqual([{ participantId: 'old', lastActivityAt: '2023-02-01T10:00:00.000Z' }]);
  });

  it('a person erased who registers again is a participant again', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(new EventLog().add(at('ParticipantRegistered', 'p', '2020-01-01T10:00:00Z'), at('ParticipantErased', 'p', '2020-02-01T10:00:00Z'), at('ParticipantRegistered', 'p', '2021-01-01T10:00:00Z')));
    expect(await new ParticipantActivityQueries(side.db).inactiveSince(cutoff, 10)).toEqual([{ participantId: 'p', lastActivityAt: '2021-01-01T10:00:00.000Z' }]);
  });
});
