import { sql } from 'kysely';
import { REPORTING_DELAY_MS, dueBefore } from '../reporting/reporting';

/**
 * The additive figures of any set of cafés, summed at read time from their directory rows (table alias `c`):
 * what a café contributes, as `cafeContribution` and `reportingContribution` define it, in SQL.
 */
export interface CafeSums {
  named: number;
  anonymous: number;
  held: number;
  heldOutsideParis: number;
  cancelled: number;
  scheduled: number;
  due: number;
  reported: number;
  onTime: number;
}

export const noCafeSums = (): CafeSums => ({ named: 0, anonymous: 0, held: 0, heldOutsideParis: 0, cancelled: 0, scheduled: 0, due: 0, reported: 0, onTime: 0 });

const live = 'c.cancelled = 0';
const held = `${live} and c.attended_named + c.anonymous > 0`;

/** the select list of the sums over alias `c`, at `nowMs` */
export const cafeSumSelections = (nowMs: number) => {
  const due = dueBefore(nowMs);
  return [
    sql<number>`sum(case when ${sql.raw(live)} then c.attended_named else 0 end)`.as('named'),
    sql<number>`sum(case when ${sql.raw(live)} then c.anonymous else 0 end)`.as('anonymous'),
    sql<number>`sum(case when ${sql.raw(held)} then 1 else 0 end)`.as('held'),
    sql<number>`sum(case when ${sql.raw(held)} and c.outside_paris = 1 then 1 else 0 end)`.as('held_outside_paris'),
    sql<number>`sum(c.cancelled)`.as('cancelled'),
    sql<number>`sum(case when ${sql.raw(live)} and c.starts_at_ms > ${nowMs} then 1 else 0 end)`.as('scheduled'),
    sql<number>`sum(case when ${sql.raw(live)} and c.starts_at_ms < ${due} then 1 else 0 end)`.as('due'),
    sql<number>`sum(case when ${sql.raw(held)} and c.starts_at_ms < ${due} then 1 else 0 end)`.as('reported'),
    sql<number>`sum(case when ${sql.raw(held)} and c.starts_at_ms < ${due} and c.first_attendance_at_ms <= c.starts_at_ms + ${REPORTING_DELAY_MS} then 1 else 0 end)`.as('on_time'),
  ];
};

type SumsRow = { named: unknown; anonymous: unknown; held: unknown; held_outside_paris: unknown; cancelled: unknown; scheduled: unknown; due: unknown; reported: unknown; on_time: unknown };

export const toCafeSums = (row: SumsRow): CafeSums => ({
  named: Number(row.named ?? 0),
  anonymous: Number(row.anonymous ?? 0),
  held: Number(row.held ?? 0),
  heldOutsideParis: Number(row.held_outside_paris ?? 0),
  cancelled: Number(row.cancelled ?? 0),
  scheduled: Number(row.scheduled ?? 0),
  due: Number(row.due ?? 0),
  reported: Number(row.reported ?? 0),
  onTime: Number(row.on_time ?? 0),
});

export const addCafeSums = (a: CafeSums, b: CafeSums): CafeSums => ({
  named: a.named + b.named,
  anonymous: a.anonymous + b.anonymous,
  held: a.held + b.held,
  heldOutsideParis: a.heldOutsideParis + b.heldOutsideParis,
  cancelled: a.cancelled + b.cancelled,
  scheduled: a.scheduled + b.scheduled,
  due: a.due + b.due,
  reported: a.reported + b.reported,
  onTime: a.onTime + b.onTime,
});
