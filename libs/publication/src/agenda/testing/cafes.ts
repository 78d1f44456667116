import type { PublicCafe } from '../../public-shapes';

/** a café in Villeurbanne, with what each test changes */
export function aCafe(changes: Partial<PublicCafe> = {}): PublicCafe {
  return {
    id: '3f1c2b9e-8a4d-4e1f-9b2a-1c3d5e7f9a0b',
    title: 'Café IA : découvrir l’intelligence artificielle',
    format: 'discussion',
    startsAt: '2026-06-12T16:00:00+02:00',
    endsAt: '2026-06-12T18:30:00+02:00',
    online: false,
    audience: 'tout public',
    commune: { code: '69266', name: 'Villeurbanne' },
    department: { code: '69', name: 'Rhône' },
    region: { code: '84', name: 'Auvergne-Rhône-Alpes' },
    structure: { id: 's-1', name: 'Médiathèque du Rize', kind: 'media_library' },
    placesLeft: 12,
    status: 'scheduled',
    reschedules: 0,
    ...changes,
  };
}
