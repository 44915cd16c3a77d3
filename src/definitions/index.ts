import { parseDefinition, type CertificateDefinition } from '../form-engine';

/**
 * The certificate types Intyga handles. Each definition is a JSON file in this folder,
 * loaded on demand (never in the first-visit JS) and parsed with the meta-schema.
 */
export const certificateTypes = [
  'fk7804',
  'fk7800',
  'fk7801',
  'fk7802',
  'fk3226',
  'fk7809',
  'fk7210',
  'fk7472',
] as const;
export type CertificateTypeCode = (typeof certificateTypes)[number];

export function isCertificateTypeCode(value: string): value is CertificateTypeCode {
  return certificateTypes.some((code) => code === value);
}

const loaders: Record<CertificateTypeCode, () => Promise<{ default: unknown }>> = {
  fk7804: () => import('./fk7804.json'),
  fk7800: () => import('./fk7800.json'),
  fk7801: () => import('./fk7801.json'),
  fk7802: () => import('./fk7802.json'),
  fk3226: () => import('./fk3226.json'),
  fk7809: () => import('./fk7809.json'),
  fk7210: () => import('./fk7210.json'),
  fk7472: () => import('./fk7472.json'),
};

const cache = new Map<CertificateTypeCode, Promise<CertificateDefinition>>();

/** Loads and parses a type's current definition once; one that does not parse is an error. */
export function loadDefinition(code: CertificateTypeCode): Promise<CertificateDefinition> {
  let pending = cache.get(code);
  if (pending === undefined) {
    pending = loaders[code]().then((module) => parseDefinition(module.default));
    cache.set(code, pending);
  }
  return pending;
}

export class UnknownDefinitionVersionError extends Error {
  constructor(code: string, version: string) {
    super(`No definition ${code} version ${version} is available`);
    this.name = 'UnknownDefinitionVersionError';
  }
}

/**
 * Loads the definition a certificate was written against: by code *and* version, so a
 * certificate is always shown and validated with its own version. Each type ships one
 * version today; when a type gets a new version, the old file stays and is listed here.
 */
export async function loadDefinitionVersion(
  code: CertificateTypeCode,
  version: string,
): Promise<CertificateDefinition> {
  const definition = await loadDefinition(code);
  if (definition.version !== version) throw new UnknownDefinitionVersionError(code, version);
  return definition;
}
