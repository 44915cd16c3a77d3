export { CertificatePage } from './components/certificate-page';
export { usePrefetchCertificate } from './api/get-certificate';
// The consent step, also for the complement the dialogue starts (the app wires them together).
export { ConsentDialog } from './components/consent-dialog';
