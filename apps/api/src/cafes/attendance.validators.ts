import { ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import { applyDecorators } from '@nestjs/common';

/**
 * `attendees` or `anonymousCount`, or both: an attendance request naming nobody and counting nobody is a
 * mistake of the client (400), said before anything is loaded.
 */
export const AttendeesOrHeadcount = () =>
  applyDecorators(
    // validated whenever the headcount is absent, even if `attendees` is missing too
    ValidateIf((o: { attendees?: unknown; anonymousCount?: unknown }) => o.attendees != null || o.anonymousCount == null),
    ValidateBy({
      name: 'attendeesOrHeadcount',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const anonymousCount = (args?.object as { anonymousCount?: unknown } | undefined)?.anonymousCount;
          // an empty sheet with no headcount is the domain's refusal (422): here, only "nothing given"
          return anonymousCount != null || value != null;
        },
        defaultMessage: () => 'give attendees, anonymousCount, or both',
      },
    }),
  );

/** a person is named by participantId, or by email/phone, never both */
export const NotWith = (...others: string[]) =>
  ValidateBy({
    name: 'notWith',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        if (value === undefined || value === null) return true;
        const object = (args?.object ?? {}) as Record<string, unknown>;
        return others.every((other) => object[other] === undefined || object[other] === null || object[other] === '');
      },
      defaultMessage: () => `give $property, or ${others.join('/')}, not both`,
    },
  });
