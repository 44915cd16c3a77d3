export { PatientSearch } from './components/patient-search';
export { PatientPage } from './components/patient-page';
export { PatientSummary, patientFullName } from './components/patient-summary';
