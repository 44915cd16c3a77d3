/** Every route of the app, built only here. No identity number ever goes into a path. */
export const paths = {
  login: '/',
  search: '/sok',
  patient: (patientId: string) => `/patient/${encodeURIComponent(patientId)}`,
  patientPattern: '/patient/:patientId',
  inbox: '/arenden',
  drafts: '/utkast',
  signed: '/intyg',
  certificate: (certificateId: string) => `/intyg/${encodeURIComponent(certificateId)}`,
  certificatePattern: '/intyg/:certificateId',
  /** A thread on its certificate's page: the dialogue panel opens at it. */
  certificateThread: (certificateId: string, threadId: string) =>
    `/intyg/${encodeURIComponent(certificateId)}#arende-${encodeURIComponent(threadId)}`,
  loggedOut: '/utloggad',
  sessionExpired: '/session-utgangen',
  /** Mina intyg: the patient's own certificates. */
  portal: '/mina-intyg',
  portalCertificate: (certificateId: string) =>
    `/mina-intyg/intyg/${encodeURIComponent(certificateId)}`,
  portalCertificatePattern: '/mina-intyg/intyg/:certificateId',
  /** Försäkringskassan's side, simulated (only with the embedded backend). */
  fk: '/fk',
  fkCase: (certificateId: string) => `/fk/intyg/${encodeURIComponent(certificateId)}`,
  fkCasePattern: '/fk/intyg/:certificateId',
  /** A private physician's registration, and their own details afterwards. */
  registration: '/registrera',
  myDetails: '/mina-uppgifter',
  gallery: '/galleri',
  galleryForm: (code: string) => `/galleri/${encodeURIComponent(code)}`,
  galleryFormPattern: '/galleri/:code',
} as const;
