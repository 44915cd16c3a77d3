export { CertificateForm } from './certificate-form';
export { CertificateView } from './certificate-view';
export { ReadinessPanel } from './readiness-panel';
export type { RendererServices, EditProps, ViewProps, KindRegistry } from './types';
