export { CertificatePage } from './components/certificate-page';
