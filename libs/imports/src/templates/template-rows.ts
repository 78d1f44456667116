import { KIND_SPECS, type ColumnSpec } from '../kinds/columns';
import type { TemplateKind } from '../kinds/import-kind';

/** The columns a template shows: `*_id` alternatives are accepted but left out, to keep the sheet simple */
export const templateColumns = (kind: TemplateKind): readonly ColumnSpec[] => KIND_SPECS[kind].columns.filter((c) => !c.name.endsWith('_id'));

/** Two example rows per kind, by English column; they pass the import's checks (a spec says so) */
export const TEMPLATE_EXAMPLES: Record<TemplateKind, Record<string, string>[]> = {
  structures: [
    { ref: 'STRUCT-001', name: 'Médiathèque Jean-Macé', kind: 'médiathèque', commune_code: '69123', siret: '' },
    { ref: 'STRUCT-002', name: 'Mairie d’Ambérieu-en-Bugey', kind: 'mairie', commune_code: '01004', siret: '21010004200017' },
  ],
  animators: [
    { ref: 'ANIM-001', display_name: 'Camille D.', commune_code: '69123', structure_ref: 'STRUCT-001', training_status: 'formé', capable: 'oui', listed: 'oui' },
    { ref: 'ANIM-002', display_name: 'Sami B.', commune_code: '01004', structure_ref: 'STRUCT-002', training_status: 'inscrit', capable: '', listed: 'non' },
  ],
  cafes: [
    {
      ref: 'CAFE-001',
      structure_ref: 'STRUCT-001',
      title: 'L’IA au quotidien',
      format: 'discussion',
      starts_at: '05/12/2025 18:30',
      ends_at: '05/12/2025 20:00',
      commune_code: '69123',
      capacity: '25',
      audience: 'tout public',
      online: 'non',
    },
    {
      ref: 'CAFE-002',
      structure_ref: 'STRUCT-002',
      title: 'Écrire avec l’IA',
      format: 'atelier',
      starts_at: '28/05/2025 14:00',
      ends_at: '28/05/2025 16:00',
      commune_code: '',
      capacity: '12',
      audience: 'seniors',
      online: 'non',
    },
  ],
  attendance: [
    { ref: 'PRES-001', cafe_ref: 'CAFE-001', email: 'camille.dupont@example.org', phone: '', name: 'Camille Dupont', anonymous_count: '' },
    { ref: 'PRES-002', cafe_ref: 'CAFE-001', email: '', phone: '', name: '', anonymous_count: '8' },
  ],
};
