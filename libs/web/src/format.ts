/**
 * Numbers and dates as a French reader expects them: `1 234 567` (narrow no-break space), `42,5 %`,
 * `28 mai 2025`, `28 mai 2025 à 18 h 30` (Europe/Paris).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const monthYear = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatInteger = (n: number): string => integer.format(Math.round(n));
export const formatDecimal = (n: number): string => decimal.format(n);
export const formatPercent = (ratio: number | null): string => (ratio === null ? '—' : percent.format(ratio));

/** a calendar date `YYYY-MM-DD` (no time zone: it is a date) */
export const formatDate = (date: string): string => day.format(new Date(`${date}T12:00:00Z`));

/** an instant, as the day it is in Paris */
export const formatInstantDay = (instant: string): string => day.format(new Date(instant));

export const formatInstant = (instant: string): string => {
  const at = new Date(instant);
  return `${day.format(at)} à ${time.format(at).replace(':', ' h ')}`;
};

/** `2025-05` → `mai 2025` */
export const formatMonth = (month: string): string => monthYear.format(new Date(`${month}-15T12:00:00Z`));

/** `1 personne`, `2 personnes` */
export const plural = (n: number, one: string, many: string): string => `${formatInteger(n)} ${n === 1 || n === 0 ? one : many}`;

/** a person's contact as typed by hand: a French phone `06 12 34 56 78`, another country's `+32 470 12 34 56`, an email as is */
export const formatContact = (contact: string): string => {
  if (!contact.startsWith('+')) return contact;
  const phone = parsePhoneNumberFromString(contact);
  if (!phone) return contact;
  return phone.country === 'FR' ? phone.formatNational() : phone.formatInternational();
};
