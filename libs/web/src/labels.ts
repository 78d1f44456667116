/** French words for the values of the contract's enumerations. */
export const STRUCTURE_KIND_LABELS: Record<string, string> = {
  school: 'École, établissement scolaire',
  media_library: 'Médiathèque',
  library: 'Bibliothèque',
  social_centre: 'Centre social',
  town_hall: 'Mairie',
  third_place: 'Tiers-lieu',
  association: 'Association',
  company: 'Entreprise',
  university: 'Université',
  other: 'Autre',
};

export const CAFE_STATUS_LABELS: Record<string, string> = { scheduled: 'programmé', held: 'tenu', cancelled: 'annulé', unreported: 'sans présences' };

export const TRAINING_LABELS: Record<string, string> = { none: 'pas encore en formation', enrolled: 'en formation', completed: 'formé', dropped: 'a arrêté la formation' };

export const LEVEL_LABELS: Record<string, string> = { region: 'Région', department: 'Département', epci: 'Intercommunalité', commune: 'Commune' };

export const CHILD_LEVEL: Record<string, string | null> = { region: 'department', department: 'commune', epci: 'commune', commune: null };

export const label = (labels: Record<string, string>, value: string | null | undefined): string => (value ? (labels[value] ?? value) : '—');

/** usual formats of a café, offered in a list (the field stays free text) */
export const CAFE_FORMATS: readonly string[] = ['atelier', 'discussion', 'conférence', 'démonstration', 'débat', 'initiation', 'table ronde', 'ciné-débat'];
