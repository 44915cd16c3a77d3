export { CertificateForm, type CertificateFormHandle } from './certificate-form';
export type { FieldRequest } from './complement-requests';
export { CertificateView } from './certificate-view';
export { ReadinessPanel } from './readiness-panel';
export { NoticeList } from './notice-list';
export type { RendererServices, EditProps, ViewProps, KindRegistry, GuidanceProps } from './types';
export { AnswerView } from './answer-view';
export { PrintSheet, type PrintFact } from './print-sheet';
export { FkTextArea, FkTextNotice, useFkTextInput } from './fk-text-input';
