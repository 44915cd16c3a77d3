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

type Loader = () => Promise<{ default: unknown }>;

/**
 * The one registry of definitions, by code *and* version: every version of a type that
 * certificates were written with stays here, so that such a certificate is always shown,
 * printed, validated, questioned, complemented and revoked with its own version. `current` is
 * the version new drafts get. Each type ships one version today; when FK publishes a new one,
 * its file is added beside the old, listed here, and made current.
 */
interface TypeVersions {
  current: string;
  versions: ReadonlyMap<string, Loader>;
}

const shipped: Record<CertificateTypeCode, TypeVersions> = {
  fk7804: { current: '2.0', versions: new Map([['2.0', () => import('./fk7804.json')]]) },
  fk7800: { current: '1.2', versions: new Map([['1.2', () => import('./fk7800.json')]]) },
  fk7801: { current: '1.1', versions: new Map([['1.1', () => import('./fk7801.json')]]) },
  fk7802: { current: '1.1', versions: new Map([['1.1', () => import('./fk7802.json')]]) },
  fk3226: { current: '1.0', versions: new Map([['1.0', () => import('./fk3226.json')]]) },
  fk7809: { current: '1.0', versions: new Map([['1.0', () => import('./fk7809.json')]]) },
  fk7210: { current: '1.0', versions: new Map([['1.0', () => import('./fk7210.json')]]) },
  fk7472: { current: '1.0', versions: new Map([['1.0', () => import('./fk7472.json')]]) },
};

let registry: Record<CertificateTypeCode, TypeVersions> = shipped;
const cache = new Map<string, Promise<CertificateDefinition>>();

export class UnknownDefinitionVersionError extends Error {
  constructor(code: string, version: string) {
    super(`No definition ${code} version ${version} is available`);
    this.name = 'UnknownDefinitionVersionError';
  }
}

/** The version new drafts of the type get. */
export function currentVersion(code: CertificateTypeCode): string {
  return registry[code].current;
}

/** Every version of the type the registry holds (oldest first, as listed). */
export function versionsOf(code: CertificateTypeCode): readonly string[] {
  return [...registry[code].versions.keys()];
}

/** Whether certificates of this version are still written (false: an older version). */
export function isCurrentVersion(code: CertificateTypeCode, version: string): boolean {
  return registry[code].current === version;
}

/**
 * Loads the definition a certificate was written against, by code and version, once; a file
 * that does not parse, or whose own code and version are not the ones it is listed under, is
 * an error.
 */
export function loadDefinitionVersion(
  code: CertificateTypeCode,
  version: string,
): Promise<CertificateDefinition> {
  const key = `${code}@${version}`;
  let pending = cache.get(key);
  if (pending === undefined) {
    const loader = registry[code].versions.get(version);
    if (loader === undefined)
      return Promise.reject(new UnknownDefinitionVersionError(code, version));
    pending = loader().then((module) => {
      const definition = parseDefinition(module.default);
      if (definition.code !== code || definition.version !== version) {
        throw new Error(
          `${code} version ${version} is listed with a file of ${definition.code} ${definition.version}`,
        );
      }
      return definition;
    });
    cache.set(key, pending);
  }
  return pending;
}

/** Loads a type's current definition: the one new drafts are written with. */
export function loadDefinition(code: CertificateTypeCode): Promise<CertificateDefinition> {
  return loadDefinitionVersion(code, currentVersion(code));
}

/**
 * Every definition of every version, loaded at once: for work that must not wait inside a
 * transaction (the backend's thread handlers, lists and FK's simulator).
 */
export interface DefinitionSet {
  /** The definition a certificate was written with, by its code and version. */
  of(certificate: { type: CertificateTypeCode; definitionVersion: string }): CertificateDefinition;
  /**
   * The type's current definition, for what belongs to the type rather than to one
   * certificate's content (its name, its policy).
   */
  current(code: CertificateTypeCode): CertificateDefinition;
}

export async function loadAllDefinitionVersions(): Promise<DefinitionSet> {
  const loaded = await Promise.all(
    certificateTypes.flatMap((code) =>
      versionsOf(code).map(async (version) => {
        const definition = await loadDefinitionVersion(code, version);
        return [`${code}@${version}`, definition] as const;
      }),
    ),
  );
  const byKey = new Map(loaded);
  // Read once: a test that adds a version later loads the set again.
  const currents = new Map(certificateTypes.map((code) => [code, currentVersion(code)]));
  const get = (code: CertificateTypeCode, version: string) => {
    const definition = byKey.get(`${code}@${version}`);
    if (definition === undefined) throw new UnknownDefinitionVersionError(code, version);
    return definition;
  };
  return {
    of: ({ type, definitionVersion }) => get(type, definitionVersion),
    current: (code) => get(code, currents.get(code) ?? ''),
  };
}

/**
 * Tests only: adds versions of a type to the registry (a second version of one type, to prove
 * that every path reads definitions by code and version), optionally making one current.
 * Returns the function that puts the shipped registry back.
 */
export function addDefinitionVersionsForTests(
  code: CertificateTypeCode,
  versions: ReadonlyMap<string, unknown>,
  current?: string,
): () => void {
  const previous = registry;
  const merged = new Map(registry[code].versions);
  for (const [version, json] of versions) {
    merged.set(version, () => Promise.resolve({ default: json }));
    cache.delete(`${code}@${version}`);
  }
  registry = {
    ...registry,
    [code]: { current: current ?? registry[code].current, versions: merged },
  };
  return () => {
    registry = previous;
    for (const version of versions.keys()) cache.delete(`${code}@${version}`);
  };
}
