import { parse } from 'csv-parse/sync';
import type { PublicFunding } from '../public-shapes';
import { SCDL_SUBVENTION_FIELDS, missingScdlSubventionFields, scdlSubventions, scdlSubventionsCsv } from './scdl-subvention';

/** the constraints of SCDL Subventions 2.1.1, as its documentation states them */
const CONSTRAINTS: Partial<Record<(typeof SCDL_SUBVENTION_FIELDS)[number], (value: string) => boolean>> = {
  idAttribuant: (v) => /^\d{14}$/.test(v),
  dateConvention: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
  idBeneficiaire: (v) => v === '' || /^\d{14}$/.test(v),
  rnaBeneficiaire: (v) => v === '' || /^W\d{9}$/.test(v),
  objet: (v) => v.length > 0 && v.length <= 256,
  montant: (v) => /^\d+(\.\d+)?$/.test(v),
  nature: (v) => ['aide en numéraire', 'aide en nature', 'aide en numéraire;aide en nature', 'aide en nature;aide en numéraire'].includes(v),
  datesPeriodeVersement: (v) => /^[0-9]{4}-[0-9]{2}-[0-9]{2}(\/[0-9]{4}-[0-9]{2}-[0-9]{2})?$/.test(v),
  notificationUE: (v) => v === 'oui' || v === 'non',
  pourcentageSubvention: (v) => Number(v) >= 0.01 && Number(v) <= 1,
};

const funding: PublicFunding = {
  id: '0b9c6f0e-7d7a-4b8e-8f3e-2a1b3c4d5e6f',
  funder: { name: 'Région Auvergne-Rhône-Alpes', siret: '20005376700014' },
  beneficiaries: [
    { name: 'Médiathèque du Rize', siret: '21690266800013' },
    { name: 'Association Numérique pour tous', siret: null, rna: 'W691234567' },
  ],
  from: '2026-01-01',
  to: '2026-12-31',
  amountEuros: 24000,
  signedOn: '2025-12-15',
  paymentTerms: 'échelonné',
  notifiedToEu: false,
};

describe('a funding as SCDL subventions', () => {
  it('gives one row per supported structure, with the funding’s own data', () => {
    const [first, second] = scdlSubventions(funding);
    expect(first).toEqual({
      nomAttribuant: 'Région Auvergne-Rhône-Alpes',
      idAttribuant: '20005376700014',
      dateConvention: '2025-12-15',
      referenceDecision: funding.id,
      nomBeneficiaire: 'Médiathèque du Rize',
      idBeneficiaire: '21690266800013',
      rnaBeneficiaire: '',
      objet: 'Organisation de Cafés IA, rencontres locales et gratuites pour comprendre l’intelligence artificielle',
      montant: '24000.00',
      nature: 'aide en numéraire',
      conditionsVersement: 'échelonné',
      datesPeriodeVersement: '2026-01-01/2026-12-31',
      idRAE: '',
      notificationUE: 'non',
      pourcentageSubvention: '0.50',
      dispositifAide: '',
    });
    expect(second).toMatchObject({ nomBeneficiaire: 'Association Numérique pour tous', idBeneficiaire: '', rnaBeneficiaire: 'W691234567' });
  });

  it('meets the schema’s constraints on every field it fills', () => {
    for (const row of scdlSubventions(funding)) {
      for (const [field, ok] of Object.entries(CONSTRAINTS)) expect([field, ok(row[field as keyof typeof row])]).toEqual([field, true]);
      expect(missingScdlSubventionFields(row)).toEqual([]);
    }
  });

  it('uses the shares given, and an equal split rounded down to the hundredth otherwise', () => {
    const three = { ...funding, beneficiaries: [{ name: 'A', siret: null }, { name: 'B', siret: null }, { name: 'C', siret: null, share: 0.5 }] };
    expect(scdlSubventions(three).map((r) => r.pourcentageSubvention)).toEqual(['0.33', '0.33', '0.50']);
    expect(scdlSubventions({ ...funding, beneficiaries: [{ name: 'Seule', siret: null }] })[0].pourcentageSubvention).toBe('1.00');
  });

  it('names the required fields our data lacks, and falls back on the period’s start for the agreement date', () => {
    const [row] = scdlSubventions({
      ...funding,
      funder: { name: 'Fondation X', siret: null },
      amountEuros: null,
      signedOn: null,
      paymentTerms: null,
      notifiedToEu: null,
      from: '2026-03-01',
      to: '2026-03-01',
    });
    expect(row.dateConvention).toBe('2026-03-01');
    expect(row.datesPeriodeVersement).toBe('2026-03-01');
    expect(missingScdlSubventionFields(row)).toEqual(['idAttribuant', 'montant', 'nature', 'conditionsVersement', 'notificationUE']);
  });

  it('cuts an object longer than 256 characters', () => {
    const [row] = scdlSubventions({ ...funding, purpose: 'é'.repeat(300) });
    expect([...row.objet]).toHaveLength(256);
  });

  it('writes the CSV with the schema’s header row, a structure’s name that looks like a formula kept as text', () => {
    const csv = scdlSubventionsCsv(scdlSubventions({ ...funding, beneficiaries: [{ name: '=Association, « IA »', siret: null }] }));
    const [header, line] = parse(csv) as string[][];
    expect(header).toEqual([...SCDL_SUBVENTION_FIELDS]);
    expect(csv.startsWith('nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,')).toBe(true);
    expect(line[header.indexOf('nomBeneficiaire')]).toBe("'=Association, « IA »");
  });
});
