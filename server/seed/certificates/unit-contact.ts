import type { CareUnitContact } from '../../../src/form-engine';
import { careUnit } from '../seed-data';

/** The seeded care unit's address, as the editor prefills it: a new object on every call. */
export function seededUnitContact(): CareUnitContact {
  return {
    address: careUnit.postalAddress,
    postcode: careUnit.postcode,
    city: careUnit.city,
    phone: careUnit.phone,
  };
}
