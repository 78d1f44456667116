import { fromParisWallClock, toParisIso, type WallClock } from '@cafeia/paris-time';
import { parsed, refused, type Parsed } from './parsed';

/** A calendar day, as in `YYYY-MM-DD` */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// 28/05/2025 18:30, 28/05/2025 à 18h30, 28/05/2025 18h, 28.05.2025 18:30:15
const FRENCH_DATE_TIME = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:\s+à\s+|\s*[T ,]\s*)(\d{1,2})(?:[:h](\d{2})?(?::(\d{2}))?)?$/i;

export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

const EXAMPLE = 'écrivez par exemple 28/05/2025 18:30 (heure de Paris) ou 2025-05-28T18:30:00+02:00';

function checkDay(year: number, month: number, day: number, text: string): Parsed<CalendarDay> {
  if (year < 100) return refused(`« ${text} » : écrivez l’année sur 4 chiffres (ex. 28/05/2025).`);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return refused(`« ${text} » : l’année doit être entre ${EARLIEST_YEAR} et ${LATEST_YEAR}.`);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return refused(`« ${text} » n’est pas une date du calendrier (jour/mois/année).`);
  }
  return parsed({ year, month, day });
}

/** `28/05/2025` or `2025-05-28` */
export function parseCalendarDay(text: string): Parsed<CalendarDay> {
  const value = text.trim();
  const iso = ISO_DATE.exec(value);
  if (iso) return checkDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), value);
  const french = FRENCH_DATE.exec(value);
  if (french) return checkDay(Number(french[3]), Number(french[2]), Number(french[1]), value);
  return refused(`« ${value} » n’est pas une date : écrivez-la 28/05/2025 ou 2025-05-28.`);
}

function fromWallClock(wall: WallClock, text: string): Parsed<string> {
  const day = checkDay(wall.year, wall.month, wall.day, text);
  if (!day.ok) return day;
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return refused(`« ${text} » : l’heure n’existe pas (de 00:00 à 23:59).`);
  const instant = fromParisWallClock(wall);
  if (!instant.ok) return refused(`« ${text} » : cette heure n’existe pas à Paris ce jour-là (passage à l’heure d’été, les horloges sautent de 02:00 à 03:00).`);
  return parsed(toParisIso(instant.millis));
}

const fraction = (digits: string | undefined): number => (digits ? Math.round(Number(`0.${digits}`) * 1000) : 0);

/**
 * An instant: ISO 8601 with an offset (kept as that instant), ISO without an offset or the French
 * `DD/MM/YYYY HH:MM` (read as Paris time). Answers the instant written with Paris's offset, so the
 * same instant typed two ways gives the same text (and the same command).
 */
export function parseInstant(text: string): Parsed<string> {
  const value = text.trim();
  const iso = ISO_DATE_TIME.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, f, zone] = iso;
    const wall: WallClock = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s ?? 0), millisecond: fraction(f) };
    if (zone === undefined) return fromWallClock(wall, value);
    const day = checkDay(wall.year, wall.month, wall.day, value);
    if (!day.ok) return day;
    if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return refused(`« ${value} » : l’heure n’existe pas (de 00:00 à 23:59).`);
    const offset = zone.toUpperCase() === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    if (Math.abs(offset) > 14 * 60) return refused(`« ${value} » : le décalage horaire ${zone} n’existe pas.`);
    const millis = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond) - offset * 60_000;
    return parsed(toParisIso(millis));
  }
  const french = FRENCH_DATE_TIME.exec(value);
  if (french) {
    const [, d, mo, y, h, mi, s] = french;
    return fromWallClock({ year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi ?? 0), second: Number(s ?? 0) }, value);
  }
  if (ISO_DATE.test(value) || FRENCH_DATE.test(value)) return refused(`« ${value} » : il manque l’heure ; ${EXAMPLE}.`);
  return refused(`« ${value} » n’est pas une date et heure : ${EXAMPLE}.`);
}
