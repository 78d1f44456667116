import { ACCESS_ROLES, type AccessRole } from '@cafeia/domain';
import { OneOf, Pattern, Uuid, UuidList } from '../http/dto-validators';
import { TERRITORY_CLAIM } from '../auth/jwt';

/** `PUT /v1/access/{email}`: the role a signed-in email gets, with the claims of that role (as in a token) */
export class GrantAccessDto {
  @OneOf(ACCESS_ROLES, 'the role of this email in the web app')
  role: AccessRole;

  @Pattern(TERRITORY_CLAIM, 'region:XX, department:XX, epci:<siren> or commune:<insee>', 'a coordinator’s (or local referent’s) territory', { required: false, example: 'region:53' })
  territory?: string;

  @Uuid('a funder’s id', { required: false })
  funderId?: string;

  @UuidList('an organizer’s structures', { max: 100, required: false, what: 'structure' })
  structureIds?: string[];

  @Uuid('a network’s id', { required: false })
  networkId?: string;
}
