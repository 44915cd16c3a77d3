import '../registration.css';
import {
  activityTypes,
  careForms,
  type HospPerson,
  type PracticeDetails,
} from '../../../contracts/registration';

/** What HOSP holds of the physician: read-only, never typed. */
export function HospFacts({ person }: { person: HospPerson }) {
  return (
    <dl className="registration-facts">
      <div>
        <dt>Namn</dt>
        <dd>{person.name}</dd>
      </div>
      <div>
        <dt>Legitimerat yrke</dt>
        <dd>{person.profession}</dd>
      </div>
      <div>
        <dt>Specialitet</dt>
        <dd>{person.specialities.length > 0 ? person.specialities.join(', ') : 'Ingen angiven'}</dd>
      </div>
      <div>
        <dt>Förskrivarkod</dt>
        <dd>{person.prescriberCode}</dd>
      </div>
    </dl>
  );
}

/** The practice's details as the physician gave them. */
export function PracticeFacts({
  practice,
  organisationNumber,
}: {
  practice: PracticeDetails;
  organisationNumber: string;
}) {
  const rows: readonly (readonly [string, string])[] = [
    ['Verksamhetens namn', practice.name],
    ['Organisationsnummer', organisationNumber],
    ['Vårdform', careForms[practice.careForm]],
    ['Verksamhetstyp', activityTypes[practice.activityType]],
    ['Postadress', `${practice.postalAddress}, ${practice.postcode} ${practice.city}`],
    ['Telefonnummer', practice.phone],
    ['E-postadress', practice.email],
  ];
  return (
    <dl className="registration-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
