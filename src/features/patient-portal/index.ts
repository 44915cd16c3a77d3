// Mina intyg: the patient's own certificates, behind the patient's own log-in.
export { PortalLayout } from './components/portal-layout';
export { PortalCertificateList } from './components/portal-certificate-list';
export { PortalCertificatePage } from './components/portal-certificate-page';
