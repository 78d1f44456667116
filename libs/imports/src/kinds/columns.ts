import type { ImportKind } from './import-kind';

/**
 * The columns of each kind. `name` is the English column name of API.md (always accepted);
 * `header` is what the templates print; `aliases` are other spellings people use. Matching ignores
 * case, accents, spaces, underscores and hyphens (see `normalizeLabel`).
 */
export interface ColumnSpec {
  readonly name: string;
  readonly header: string;
  readonly aliases: readonly string[];
  /** French, for the template's help sheet */
  readonly help: string;
}

export interface KindSpec {
  readonly kind: ImportKind;
  readonly columns: readonly ColumnSpec[];
  /** each group must be present; a group lists alternatives (`structure_ref` or `structure_id`) */
  readonly required: readonly (readonly string[])[];
}

const column = (name: string, header: string, aliases: readonly string[], help: string): ColumnSpec => ({ name, header, aliases, help });

const REF = column('ref', 'référence', ['réf', 'ref.', 'référence de la ligne', 'reference'], 'votre identifiant de la ligne, unique dans vos fichiers (ex. STRUCT-001) ; importer à nouveau la même référence ne crée rien de nouveau');
const COMMUNE_CODE = column(
  'commune_code',
  'code commune (INSEE)',
  ['code commune', 'code insee', 'code commune insee', 'insee', 'commune (code insee)', 'code insee de la commune', 'code officiel géographique'],
  'code INSEE de la commune sur 5 caractères (ex. 69123, 2A004), pas le code postal',
);
const STRUCTURE_REF = column('structure_ref', 'référence de la structure', ['réf structure', 'ref structure', 'référence structure'], 'la référence d’une structure de votre import de structures');
const STRUCTURE_ID = column('structure_id', 'identifiant de la structure', ['id structure', 'identifiant structure', 'structureid'], 'l’identifiant (UUID) d’une structure déjà enregistrée');
const CAFE_REF = column('cafe_ref', 'référence du café', ['réf café', 'ref café', 'référence café'], 'la référence d’un café de votre import de cafés');
const CAFE_ID = column('cafe_id', 'identifiant du café', ['id café', 'identifiant café', 'cafeid'], 'l’identifiant (UUID) d’un café déjà enregistré');

export const KIND_SPECS: Record<ImportKind, KindSpec> = {
  structures: {
    kind: 'structures',
    columns: [
      REF,
      column('name', 'nom', ['nom de la structure', 'structure', 'raison sociale'], 'nom de la structure'),
      column('kind', 'type', ['type de structure', 'catégorie', 'nature'], 'médiathèque, bibliothèque, école, centre social, mairie, tiers-lieu, association, entreprise, université ou autre'),
      COMMUNE_CODE,
      column('siret', 'SIRET', ['numéro siret', 'n° siret', 'no siret'], 'facultatif : 14 chiffres'),
    ],
    required: [['ref'], ['name'], ['kind'], ['commune_code']],
  },
  animators: {
    kind: 'animators',
    columns: [
      REF,
      column('display_name', 'nom affiché', ['nom d’affichage', 'nom de l’animateur', 'nom de l’animatrice', 'animateur', 'animatrice', 'animateur ou animatrice'], 'comment la personne apparaît dans les annuaires (ex. Camille D.)'),
      COMMUNE_CODE,
      STRUCTURE_REF,
      STRUCTURE_ID,
      column('training_status', 'formation', ['statut de formation', 'état de la formation', 'statut formation'], 'facultatif : inscrit, formé ou abandon'),
      column('capable', 'se sent capable d’accompagner sur l’IA', ['se sent capable', 'capable d’accompagner', 'se sent capable d’accompagner'], 'facultatif, seulement si formé : oui ou non'),
      column('listed', 'visible dans l’annuaire public', ['annuaire public', 'visible', 'publié'], 'facultatif : oui ou non (non par défaut)'),
    ],
    required: [['ref'], ['display_name'], ['commune_code']],
  },
  cafes: {
    kind: 'cafes',
    columns: [
      REF,
      STRUCTURE_REF,
      STRUCTURE_ID,
      column('title', 'titre', ['titre du café', 'intitulé', 'nom du café'], 'titre du café'),
      column('format', 'format', ['type de café', 'forme'], 'ex. discussion, atelier, conférence (écrit tel quel)'),
      column('starts_at', 'début', ['date de début', 'début le', 'date et heure', 'date et heure de début', 'commence le'], 'date et heure : 28/05/2025 18:30 (heure de Paris) ou 2025-05-28T18:30:00+02:00'),
      column('ends_at', 'fin', ['date de fin', 'fin le', 'date et heure de fin', 'termine le'], 'facultatif : date et heure de fin, après le début'),
      { ...COMMUNE_CODE, help: 'facultatif : code INSEE du lieu, celui de la structure par défaut' },
      column('capacity', 'capacité', ['nombre de places', 'places', 'jauge'], 'facultatif : nombre de places, de 1 à 100000'),
      column('audience', 'public', ['public visé', 'public cible'], 'facultatif : à qui il s’adresse (ex. seniors, familles)'),
      column('online', 'en ligne', ['à distance', 'distanciel'], 'facultatif : oui ou non (non par défaut)'),
    ],
    required: [['ref'], ['structure_ref', 'structure_id'], ['title'], ['format'], ['starts_at']],
  },
  attendance: {
    kind: 'attendance',
    columns: [
      REF,
      CAFE_REF,
      CAFE_ID,
      column('email', 'e-mail', ['email', 'courriel', 'adresse e-mail', 'adresse mail', 'mail'], 'e-mail de la personne présente'),
      column('phone', 'téléphone', ['tél', 'tel', 'numéro de téléphone', 'portable', 'mobile'], 'ou son téléphone (06 12 34 56 78 ou +33 6 12 34 56 78)'),
      column('name', 'nom', ['nom et prénom', 'prénom et nom', 'prénom nom', 'participant', 'participante'], 'facultatif : son nom'),
      column('anonymous_count', 'participants anonymes', ['nombre de participants anonymes', 'anonymes', 'effectif anonyme', 'personnes sans contact'], 'ou, sur une ligne à part, le nombre de personnes venues sans donner de contact (remplace le nombre déjà déclaré)'),
    ],
    required: [['ref'], ['cafe_ref', 'cafe_id'], ['email', 'phone', 'anonymous_count']],
  },
  // La Coop's headers as its export writes them (buildActivitesWorksheet.ts); the English names are ours
  coop_activities: {
    kind: 'coop_activities',
    columns: [
      column('date', 'Date', [], 'date de l’activité'),
      column('type', 'Type', [], 'Atelier collectif ou Accompagnement individuel'),
      column('participants', 'Nombre de participants', [], 'nombre de participants'),
      column('channel', 'Canaux d’accompagnement', [], 'Lieu d’activité, À distance, …'),
      column('place', 'Lieu', [], 'structure, code postal et commune'),
      column('duration', 'Durée (min)', ['durée'], 'durée en minutes'),
      column('workshop_name', 'Nom de l’atelier', [], 'titre de l’atelier'),
      column('themes', 'Thématique(s) d’accompagnement', ['thématiques', 'thématique'], 'thématiques, une par ligne dans la cellule'),
    ],
    required: [['date'], ['type'], ['participants'], ['themes']],
  },
};

/** The English names of a kind's columns, in template order */
export const columnNames = (kind: ImportKind): string[] => KIND_SPECS[kind].columns.map((c) => c.name);
