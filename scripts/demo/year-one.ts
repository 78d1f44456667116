import { Territories } from '@cafeia/territories';
import { DEMO_CLOCK } from '../../apps/api/src/imports/demo/demo-files';
import { Random } from '../../bench/generator/random';

/**
 * A synthetic year one, shaped like the programme's first-year report: more than 10,000 people reached, more than
 * one café a day, four in five outside Paris, over a hundred organisations, 650 mediators enrolled of whom 200 still
 * in training, 90 % of the trained feeling capable. Cafés spread over the regions by population, overseas included.
 * Everything comes from one seed: the same files every time.
 */
export const DEMO_SEED = 2025;
/** year one: June 2025 to May 2026; the demo's "now" (DEMO_CLOCK) is the morning after, a few cafés still to come */
export const YEAR_ONE = { from: '2025-06-02', to: '2026-05-29' };
export { DEMO_CLOCK };

/** the overseas regions (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte): each has at least one structure */
const OVERSEAS_REGIONS = ['01', '02', '03', '04', '06'];

const COUNTS = { structures: 130, animators: 650, inTraining: 200, notCapable: 45, cafesHeld: 420, cafesUpcoming: 24, parisShare: 0.2 };

export interface DemoStructure {
  ref: string;
  name: string;
  kind: string;
  communeCode: string;
  siret: string;
}
export interface DemoAnimator {
  ref: string;
  displayName: string;
  communeCode: string;
  structureRef: string;
  training: 'en formation' | 'formé';
  capable: 'oui' | 'non' | '';
}
export interface DemoCafe {
  ref: string;
  structureRef: string;
  title: string;
  format: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  audience: string;
  online: 'oui' | 'non';
  held: boolean;
}
export interface DemoAttendance {
  ref: string;
  cafeRef: string;
  email: string;
  name: string;
}
export interface DemoHeadcount {
  ref: string;
  cafeRef: string;
  anonymousCount: number;
}
export interface DemoYear {
  structures: DemoStructure[];
  animators: DemoAnimator[];
  cafes: DemoCafe[];
  attendance: DemoAttendance[];
  headcounts: DemoHeadcount[];
  people: number;
}

const KINDS: [string, string][] = [
  ['médiathèque', 'Médiathèque'],
  ['bibliothèque', 'Bibliothèque'],
  ['centre social', 'Centre social'],
  ['mairie', 'Mairie'],
  ['tiers-lieu', 'Tiers-lieu numérique'],
  ['association', 'Association'],
  ['école', 'École'],
  ['université', 'Université'],
  ['entreprise', 'Entreprise'],
];
const FORMATS = ['discussion', 'discussion', 'atelier', 'atelier', 'conférence', 'démonstration'];
const AUDIENCES = ['tout public', 'seniors', 'familles', 'demandeurs d’emploi', 'enseignants', 'jeunes', 'agents publics'];
const TITLES = [
  'L’IA au quotidien',
  'IA et emploi',
  'Démêler le vrai du faux',
  'L’IA pour les démarches',
  'Parents, enfants et IA',
  'Écrire avec une IA',
  'IA et vie privée',
  'Images générées : comment les repérer',
  'L’IA à l’école',
  'Ce que l’IA ne sait pas faire',
];
const FIRST = ['Camille', 'Léa', 'Lucas', 'Nora', 'Hugo', 'Inès', 'Jules', 'Chloé', 'Yanis', 'Manon', 'Adam', 'Sarah', 'Louis', 'Emma', 'Rayan', 'Zoé', 'Paul', 'Lina', 'Noah', 'Jade', 'Malik', 'Anne', 'Karim', 'Élise', 'Mathis', 'Aïcha', 'Théo', 'Maëlle', 'Sami', 'Claire'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'Andre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Hoarau', 'Payet', 'Nasri', 'Ly', 'Nguyen'];

const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();
const pad = (n: number, width = 3) => String(n).padStart(width, '0');

/** `28/05/2026 18:30`: what a coordinator types in a spreadsheet (Europe/Paris) */
const parisDate = (day: Date, hour: number, minute = 0) =>
  `${pad(day.getUTCDate(), 2)}/${pad(day.getUTCMonth() + 1, 2)}/${day.getUTCFullYear()} ${pad(hour, 2)}:${pad(minute, 2)}`;

/** picks an index with probability proportional to its weight */
function weighted(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = random.next() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
  return weights.length - 1;
}

/** the regions outside Paris with their population (Île-de-France without Paris's) */
function regionsOutsideParis(territories: Territories): { code: string; population: number }[] {
  const paris = territories.population('commune', '75056') ?? 0;
  return territories
    .all('region')
    .map((r) => ({ code: r.code, population: r.population - (r.code === '11' ? paris : 0) }))
    .filter((r) => r.population > 0);
}

/** `total` split over the regions by population (largest remainders); the five overseas regions get at least one */
function apportion(total: number, regions: readonly { code: string; population: number }[], atLeastOne: readonly string[] = []): Map<string, number> {
  const fixed = regions.filter((r) => atLeastOne.includes(r.code));
  const sum = regions.reduce((a, r) => a + r.population, 0);
  const shares = regions.map((r) => ({ code: r.code, exact: (r.population / sum) * (total - fixed.length) }));
  const counts = new Map(shares.map((r) => [r.code, Math.floor(r.exact)]));
  let left = total - fixed.length - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const r of [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.code.localeCompare(b.code))) {
    if (left-- <= 0) break;
    counts.set(r.code, counts.get(r.code)! + 1);
  }
  for (const r of fixed) counts.set(r.code, counts.get(r.code)! + 1);
  return counts;
}

/** one of a region's larger communes (outside Paris), the larger the likelier */
function communeIn(territories: Territories, regionCode: string, random: Random): string {
  const communes = territories
    .departmentsOf(regionCode)
    .flatMap((d) => territories.communesOf(d.code))
    .filter((c) => c.code !== '75056' && c.population > 0)
    .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code))
    .slice(0, 60);
  return communes[weighted(random, communes.map((c) => Math.sqrt(c.population)))].code;
}

export function demoYear(territories: Territories = Territories.official(), seed = DEMO_SEED): DemoYear {
  const random = new Random(seed);
  const parisArrondissements = territories.arrondissementsOf('75056').map((a) => a.code);

  // organisations: one in five in Paris (its cafés are the fifth held there)
  const structures: DemoStructure[] = [];
  const parisStructures = Math.round(COUNTS.structures * COUNTS.parisShare);
  const regions = regionsOutsideParis(territories);
  // the region of each structure outside Paris, spread by population
  const structureRegions = [...apportion(COUNTS.structures - parisStructures, regions, OVERSEAS_REGIONS)].flatMap(([code, n]) => Array.from({ length: n }, () => code));
  const regionOf = new Map<string, string>();
  const names = new Set<string>();
  for (let s = 0; s < COUNTS.structures; s++) {
    const inParis = s < parisStructures;
    const communeCode = inParis ? parisArrondissements[s % parisArrondissements.length] : communeIn(territories, structureRegions[s - parisStructures], random);
    const [kind, label] = KINDS[weighted(random, [5, 3, 4, 3, 3, 4, 2, 1, 1])];
    let name = `${label} de ${territories.resolveCommune(communeCode)?.name ?? communeCode}`;
    for (let n = 2; names.has(name); n++) name = `${name.replace(/ \(\d+\)$/, '')} (${n})`;
    names.add(name);
    structures.push({ ref: `STRUCT-${pad(s + 1)}`, name, kind, communeCode, siret: `${pad(21000000 + s * 7919, 9)}${pad(s + 1, 5)}` });
    regionOf.set(`STRUCT-${pad(s + 1)}`, inParis ? 'paris' : structureRegions[s - parisStructures]);
  }

  // 650 mediators: 200 still in training, 450 trained of whom 405 feel capable
  const animators: DemoAnimator[] = [];
  for (let a = 0; a < COUNTS.animators; a++) {
    const structure = structures[a % structures.length];
    const inTraining = a % 13 < 4; // 4 in 13 = 200 of 650
    const trainedIndex = animators.filter((x) => x.training === 'formé').length;
    animators.push({
      ref: `ANIM-${pad(a + 1)}`,
      displayName: `${random.pick(FIRST)} ${random.pick(LAST).charAt(0)}.`,
      communeCode: structure.communeCode,
      structureRef: structure.ref,
      training: inTraining ? 'en formation' : 'formé',
      capable: inTraining ? '' : trainedIndex % 10 === 9 ? 'non' : 'oui',
    });
  }

  // cafés: more than one a day over year one, a fifth in Paris; a few more to come after "now"
  const cafes: DemoCafe[] = [];
  const from = Date.parse(`${YEAR_ONE.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${YEAR_ONE.to}T00:00:00Z`) - from) / 86_400_000);
  const total = COUNTS.cafesHeld + COUNTS.cafesUpcoming;
  // every fifth café in Paris; the others in the regions by population (each region with structures gets its share)
  const outside = total - Math.ceil(total / 5);
  const withStructures = regions.filter((r) => structureRegions.includes(r.code));
  const cafeRegions = [...apportion(outside, withStructures)].flatMap(([code, n]) => Array.from({ length: n }, () => code));
  for (let i = cafeRegions.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [cafeRegions[i], cafeRegions[j]] = [cafeRegions[j], cafeRegions[i]];
  }
  for (let c = 0; c < total; c++) {
    const held = c < COUNTS.cafesHeld;
    const region = c % 5 === 0 ? 'paris' : cafeRegions.pop()!;
    const pool = structures.filter((s) => regionOf.get(s.ref) === region);
    const structure = pool[random.int(0, pool.length - 1)];
    const day = held ? new Date(from + Math.floor((c / COUNTS.cafesHeld) * days) * 86_400_000) : new Date(Date.parse('2026-06-02T00:00:00Z') + (c - COUNTS.cafesHeld) * 86_400_000);
    const hour = random.pick([10, 14, 17, 18, 18, 19]);
    const format = random.pick(FORMATS);
    cafes.push({
      ref: `CAFE-${pad(c + 1)}`,
      structureRef: structure.ref,
      title: random.pick(TITLES),
      format,
      startsAt: parisDate(day, hour),
      endsAt: parisDate(day, hour + 2),
      capacity: random.pick([20, 25, 30, 40, 60]),
      audience: random.pick(AUDIENCES),
      online: random.chance(0.06) ? 'oui' : 'non',
      held,
    });
  }

  // people: about 8,500 named, some coming back to another café; plus anonymous headcounts
  const attendance: DemoAttendance[] = [];
  const headcounts: DemoHeadcount[] = [];
  const known: { email: string; name: string }[] = [];
  for (const cafe of cafes.filter((c) => c.held)) {
    const named = random.int(14, 34);
    const here = new Set<string>();
    for (let i = 0; i < named; i++) {
      let person: { email: string; name: string };
      if (known.length > 200 && random.chance(0.15)) person = known[random.int(0, known.length - 1)];
      else {
        const first = random.pick(FIRST);
        const last = random.pick(LAST);
        person = { email: `${ascii(first)}.${ascii(last)}.${known.length + 1}@example.org`, name: `${first} ${last}` };
        known.push(person);
      }
      if (here.has(person.email)) continue;
      here.add(person.email);
      attendance.push({ ref: `PRES-${pad(attendance.length + 1, 5)}`, cafeRef: cafe.ref, email: person.email, name: person.name });
    }
    headcounts.push({ ref: `ANON-${pad(headcounts.length + 1)}`, cafeRef: cafe.ref, anonymousCount: random.int(0, 14) });
  }
  return { structures, animators, cafes, attendance, headcounts, people: known.length };
}
