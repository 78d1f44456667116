/**
 * The inputs of every function here: public shapes only. None has a field for an email, a phone
 * number or a participant's name, and none carries a count of enrolments or attendance beyond
 * `placesLeft`, so a bug here can leak nothing that was not already public. The one person's name that
 * is published, an animator's `displayName`, is the name they chose to show, and only with `listed`.
 */

/** A territory as the public listings name it: INSEE code (SIREN for an EPCI) and official name. */
export interface PlaceName {
  readonly code: string;
  readonly name: string;
}

export type PublicCafeStatus = 'scheduled' | 'held' | 'cancelled';

/** A café as `/public/v1/cafes/{id}` lists it, plus what calendars and search engines need. */
export interface PublicCafe {
  readonly id: string;
  readonly title: string;
  readonly format: string;
  /** ISO 8601 instant with its offset */
  readonly startsAt: string;
  readonly endsAt: string | null;
  readonly online: boolean;
  readonly audience: string | null;
  readonly commune: PlaceName;
  readonly department: PlaceName;
  readonly region: PlaceName;
  readonly structure: { readonly id: string; readonly name: string; readonly kind: string };
  /** capacity − enrolments; `null` without a capacity */
  readonly placesLeft: number | null;
  readonly status: PublicCafeStatus;
  /** how many times the café was rescheduled: the iCalendar `SEQUENCE` */
  readonly reschedules: number;
  /** the start before the last reschedule, when known (schema.org `previousStartDate`) */
  readonly previousStartsAt?: string | null;
  /** the venue's street address and postal code, when the organizer gave them */
  readonly address?: { readonly streetAddress?: string | null; readonly postalCode?: string | null } | null;
}

export type PublicTrainingStatus = 'none' | 'enrolled' | 'completed' | 'dropped';

/** An animator as `/public/v1/animators` lists them. */
export interface PublicAnimator {
  readonly id: string;
  readonly displayName: string;
  readonly commune: PlaceName;
  readonly trainingStatus: PublicTrainingStatus;
}

/** A directory row that may be published: only with `listed: true` (the animator's own choice). */
export interface ListableAnimator extends PublicAnimator {
  readonly listed: boolean;
}

/** A structure that hosts cafés, as a place open to the public (no contact person, no phone, no email). */
export interface PublicStructure {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** SIRET (14 digits), or RNA (`W` + 9 digits) for an association without SIRET */
  readonly siret: string | null;
  readonly rna?: string | null;
  readonly commune: PlaceName;
  readonly postalCode: string | null;
  readonly streetAddress?: string | null;
  /** the day the structure's public data last changed, `YYYY-MM-DD` */
  readonly updatedOn: string;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  readonly website?: string | null;
}

/** A funding agreement as open data: who grants, who receives, how much, for what, when. */
export interface PublicFunding {
  readonly id: string;
  readonly funder: { readonly name: string; readonly siret: string | null };
  /** the supported structures; `share` is each one's part of the amount (0.01–1) when known */
  readonly beneficiaries: readonly {
    readonly name: string;
    readonly siret: string | null;
    readonly rna?: string | null;
    readonly share?: number | null;
  }[];
  /** `YYYY-MM-DD`: the funding's period */
  readonly from: string;
  readonly to: string;
  readonly amountEuros: number | null;
  /** the day the agreement was signed, when known (else the start of its period stands for it) */
  readonly signedOn?: string | null;
  /** what the money is for, at most 256 characters */
  readonly purpose?: string | null;
  /** `aide en numéraire` (money), `aide en nature` (in kind) or both */
  readonly nature?: 'aide en numéraire' | 'aide en nature' | 'aide en numéraire;aide en nature' | null;
  /** `unique`, `échelonné` or a free description ("autre") */
  readonly paymentTerms?: string | null;
  /** whether it is state aid notified to the European Commission (de minimis) */
  readonly notifiedToEu?: boolean | null;
}
