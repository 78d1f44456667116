import { normaliseEmail, normalisePhone } from '@cafeia/personal-data';

/** a person who came without enrolling, as the attendance sheet names them */
export interface WalkIn {
  /** 1-based line of the text area, to name it in an error */
  line: number;
  email?: string;
  phone?: string;
  name?: string;
}

export interface WalkInsReading {
  walkIns: WalkIn[];
  /** in French, one per wrong line (« Ligne 3 : adresse électronique invalide. ») */
  errors: string[];
}

const MAX_NAME = 200;

/**
 * The walk-ins text area: one person per line, an email or a phone, optionally followed by a comma and a name
 * (« camille@example.org, Camille Dupont », « 06 12 34 56 78 »). Blank lines are skipped. Every line is checked
 * the way the participant directory will read it, so that a wrong line is named before anything is recorded.
 */
export function readWalkIns(text: string): WalkInsReading {
  const walkIns: WalkIn[] = [];
  const errors: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const comma = raw.indexOf(',');
    const contact = (comma < 0 ? raw : raw.slice(0, comma)).trim();
    const name = comma < 0 ? '' : raw.slice(comma + 1).trim();
    if (name.length > MAX_NAME) {
      errors.push(`Ligne ${line} : le nom ne doit pas dépasser ${MAX_NAME} caractères.`);
      return;
    }
    const person: WalkIn = { line, ...(name ? { name } : {}) };
    if (contact.includes('@')) {
      if (normaliseEmail(contact) === null) errors.push(`Ligne ${line} : adresse électronique invalide.`);
      else walkIns.push({ ...person, email: contact });
    } else if (contact === '') {
      errors.push(`Ligne ${line} : indiquez une adresse électronique ou un numéro de téléphone avant la virgule.`);
    } else if (normalisePhone(contact) === null) {
      errors.push(`Ligne ${line} : numéro de téléphone invalide (ni une adresse électronique).`);
    } else walkIns.push({ ...person, phone: contact });
  });
  return { walkIns, errors };
}
