/**
 * Time as France reads it (Europe/Paris), in one place: calendar days and months of instants, the bounds of a
 * day written YYYY-MM-DD, wall-clock readings and back. Rules from the ICU data Node ships (`Intl`), never a
 * fixed offset. Pure, no framework.
 */
export { dateOfDayNumber, dayNumberOf, endOfParisDay, parisDateOf, parisDayOf, parisMonthOf, parisOffsetMs, startOfParisDay } from './calendar';
export { PARIS_TIME_ZONE, isCalendarDate, parisDateEnd, parisDateStart, parisLongDateOf } from './dates';
export { fromParisWallClock, parisOffsetMinutes, parisWallClock, toParisIso, type ParisInstant, type WallClock } from './wall-clock';
