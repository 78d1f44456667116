import { toCsv, type CsvOptions } from '../csv/open-data-csv';
import type { PublicFunding } from '../public-shapes';
import { missingRequired } from './required-fields';

/**
 * The SCDL « Subventions » schema 2.1.1 (OpenDataFrance, on schema.data.gouv.fr: `scdl/subventions`),
 * the regulatory format of the essential data of grant agreements: its 16 fields in its order.
 */
export const SCDL_SUBVENTION_FIELDS = [
  'nomAttribuant',
  'idAttribuant',
  'dateConvention',
  'referenceDecision',
  'nomBeneficiaire',
  'idBeneficiaire',
  'rnaBeneficiaire',
  'objet',
  'montant',
  'nature',
  'conditionsVersement',
  'datesPeriodeVersement',
  'idRAE',
  'notificationUE',
  'pourcentageSubvention',
  'dispositifAide',
] as const;

export type ScdlSubventionField = (typeof SCDL_SUBVENTION_FIELDS)[number];
export type ScdlSubventionRow = Record<ScdlSubventionField, string>;

export const SCDL_SUBVENTION_REQUIRED: readonly ScdlSubventionField[] = [
  'nomAttribuant',
  'idAttribuant',
  'dateConvention',
  'nomBeneficiaire',
  'objet',
  'montant',
  'nature',
  'conditionsVersement',
  'datesPeriodeVersement',
  'notificationUE',
  'pourcentageSubvention',
];

const OBJECT_MAX = 256;
export const DEFAULT_FUNDING_PURPOSE = 'Organisation de Cafés IA, rencontres locales et gratuites pour comprendre l’intelligence artificielle';

/**
 * A funding agreement as SCDL rows, one per supported structure (the schema's beneficiary). From our
 * data: the funder and the structures, the amount, the funding period (as `datesPeriodeVersement`,
 * the period the money covers, for want of the payment dates) and its start as `dateConvention` when
 * the signature date is unknown; the funding's id as `referenceDecision`. Each structure's share is
 * the one given, or an equal split (rounded to the hundredth) for want of one. `nature` is "aide en
 * numéraire" when an amount in euros is known. What we do not know stays empty (the funder's SIRET,
 * the payment terms, whether the aid was notified to the EU, an amount): `missingScdlSubventionFields`
 * names it.
 */
export function scdlSubventions(funding: PublicFunding): ScdlSubventionRow[] {
  const equalShare = Math.max(0.01, Math.floor(100 / Math.max(1, funding.beneficiaries.length)) / 100);
  return funding.beneficiaries.map((beneficiary) => ({
    nomAttribuant: funding.funder.name,
    idAttribuant: funding.funder.siret ?? '',
    dateConvention: funding.signedOn ?? funding.from,
    referenceDecision: funding.id,
    nomBeneficiaire: beneficiary.name,
    idBeneficiaire: beneficiary.siret ?? '',
    rnaBeneficiaire: beneficiary.rna ?? '',
    objet: [...(funding.purpose ?? DEFAULT_FUNDING_PURPOSE)].slice(0, OBJECT_MAX).join(''),
    montant: funding.amountEuros === null ? '' : funding.amountEuros.toFixed(2),
    nature: funding.nature ?? (funding.amountEuros !== null ? 'aide en numéraire' : ''),
    conditionsVersement: funding.paymentTerms ?? '',
    datesPeriodeVersement: funding.from === funding.to ? funding.from : `${funding.from}/${funding.to}`,
    idRAE: '',
    notificationUE: funding.notifiedToEu === true ? 'oui' : funding.notifiedToEu === false ? 'non' : '',
    pourcentageSubvention: (beneficiary.share ?? equalShare).toFixed(2),
    dispositifAide: '',
  }));
}

export const missingScdlSubventionFields = (row: ScdlSubventionRow): ScdlSubventionField[] => missingRequired(row, SCDL_SUBVENTION_REQUIRED);

/** The rows as CSV, with the schema's header row (UTF-8, `,`, CRLF). */
export const scdlSubventionsCsv = (rows: readonly ScdlSubventionRow[], options: CsvOptions = {}): string =>
  toCsv(SCDL_SUBVENTION_FIELDS, rows.map((row) => SCDL_SUBVENTION_FIELDS.map((field) => row[field])), options);
