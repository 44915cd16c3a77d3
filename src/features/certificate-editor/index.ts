export { CertificatePage } from './components/certificate-page';
export { usePrefetchCertificate } from './api/get-certificate';
