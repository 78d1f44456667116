import { parse } from 'csv-parse/sync';
import type { PublicStructure } from '../public-shapes';
import { MEDIATION_PLACE_FIELDS, mediationPlace, mediationPlacesCsv, missingMediationPlaceFields } from './mediation-place';

/** the constraints of standard-mediation-num 1.0.1 on the fields we fill, as its documentation states them */
const PATTERNS: Partial<Record<(typeof MEDIATION_PLACE_FIELDS)[number], RegExp>> = {
  pivot: /^[a-zA-Z0-9]{9,14}$/,
  code_postal: /^\d{5}$/,
  code_insee: /^([013-9]\d|2[AB1-9])\d{3}$/,
  services:
    /(?:(?:^|\|)(Aide aux démarches administratives|Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique|Utilisation sécurisée du numérique|Parentalité et éducation avec le numérique|Loisirs et créations numériques|Compréhension du monde numérique|Accès internet et matériel informatique|Acquisition de matériel informatique à prix solidaire))+$/,
  frais_a_charge: /(?:(?:^|\|)(Gratuit|Gratuit sous condition|Payant))+$/,
  modalites_accompagnement: /(?:(?:^|\|)(En autonomie|Accompagnement individuel|Dans un atelier collectif|À distance))+$/,
  date_maj: /^\d{4}-\d{2}-\d{2}$/,
};

const mediatheque: PublicStructure = {
  id: '6c0e2a52-4d0b-4c1e-9a57-1f2b3c4d5e6f',
  name: 'Médiathèque du Rize',
  kind: 'media_library',
  siret: '21690266800013',
  commune: { code: '69266', name: 'Villeurbanne' },
  postalCode: '69100',
  streetAddress: '23 rue Valentin-Haüy',
  updatedOn: '2026-05-20',
  latitude: 45.7661,
  longitude: 4.8795,
};

describe('a structure as a place of the national map of digital mediation', () => {
  it('fills the schema’s fields from what we know', () => {
    const row = mediationPlace(mediatheque);
    expect(row).toMatchObject({
      id: mediatheque.id,
      pivot: '21690266800013',
      nom: 'Médiathèque du Rize',
      commune: 'Villeurbanne',
      code_postal: '69100',
      code_insee: '69266',
      adresse: '23 rue Valentin-Haüy',
      latitude: '45.7661',
      longitude: '4.8795',
      typologie: 'BIB',
      date_maj: '2026-05-20',
      services: 'Compréhension du monde numérique',
      frais_a_charge: 'Gratuit',
      modalites_accompagnement: 'Dans un atelier collectif',
      source: 'Café IA',
      telephone: '',
      courriels: '',
    });
    expect(Object.keys(row)).toEqual([...MEDIATION_PLACE_FIELDS]);
    expect(missingMediationPlaceFields(row)).toEqual([]);
  });

  it('meets the schema’s patterns on every field it fills', () => {
    const row = mediationPlace(mediatheque);
    for (const [field, pattern] of Object.entries(PATTERNS)) expect([field, pattern.test(row[field as keyof typeof row])]).toEqual([field, true]);
    expect(row.presentation_resume.length).toBeLessThanOrEqual(280);
  });

  it('names the required fields it cannot fill, and writes the placeholder pivot the national map uses', () => {
    const row = mediationPlace({ ...mediatheque, siret: null, rna: null, postalCode: null, streetAddress: null, kind: 'company' });
    expect(row.pivot).toBe('00000000000000');
    expect(row.typologie).toBe('');
    expect(missingMediationPlaceFields(row)).toEqual(['code_postal', 'adresse']);
  });

  it('uses the RNA number of an association without SIRET', () => {
    expect(mediationPlace({ ...mediatheque, siret: null, rna: 'W691234567', kind: 'association' })).toMatchObject({ pivot: 'W691234567', typologie: 'ASSO' });
  });

  it('writes the CSV with the schema’s header row', () => {
    const csv = mediationPlacesCsv([mediationPlace(mediatheque)]);
    const [header, line] = parse(csv) as string[][];
    expect(header).toEqual([...MEDIATION_PLACE_FIELDS]);
    expect(header).toHaveLength(32);
    expect(line[header.indexOf('nom')]).toBe('Médiathèque du Rize');
    expect(csv.startsWith('id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,')).toBe(true);
  });
});
