export { RegistrationWizard } from './components/registration-wizard';
export { MyDetailsPage } from './components/my-details-page';
export { MyDetailsNavItem } from './components/my-details-nav-item';
