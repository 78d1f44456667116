/** What a file holds. `coop_activities` is La Coop de la médiation numérique's activity export, as it is. */
export const IMPORT_KINDS = ['structures', 'animators', 'cafes', 'attendance', 'coop_activities'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The kinds that have a template (La Coop's export has its own layout). */
export const TEMPLATE_KINDS = ['structures', 'animators', 'cafes', 'attendance'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const isImportKind = (value: string): value is ImportKind => (IMPORT_KINDS as readonly string[]).includes(value);
export const isTemplateKind = (value: string): value is TemplateKind => (TEMPLATE_KINDS as readonly string[]).includes(value);

/** How a kind is named to the person who sent the file */
export const KIND_LABELS: Record<ImportKind, string> = {
  structures: 'structures',
  animators: 'animateurs',
  cafes: 'cafés',
  attendance: 'présences',
  coop_activities: 'export d’activités de La Coop',
};
