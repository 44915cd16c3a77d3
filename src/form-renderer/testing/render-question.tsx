import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Answers, CertificateDefinition, EvaluationContext } from '../../form-engine';
import { parseDefinition } from '../../form-engine';
import { CertificateForm } from '../certificate-form';
import type { RendererServices } from '../types';

export const TEST_TODAY = '2026-03-16';

export const testContext: EvaluationContext = {
  today: TEST_TODAY,
  role: 'physician',
  consentRecorded: true,
};

/** A tiny code list: enough for the searches, look-ups and code changes the tests make. */
const testCodeList = [
  { code: 'F32', title: 'Depressiv episod' },
  { code: 'F320', title: 'Lindrig depressiv episod' },
  { code: 'F321', title: 'Medelsvår depressiv episod' },
  { code: 'F438A', title: 'Utmattningssyndrom' },
  { code: 'H931', title: 'Tinnitus' },
  { code: 'J069', title: 'Akut övre luftvägsinfektion, ospecificerad' },
  { code: 'M545', title: 'Lumbago' },
];
/** Other names the tiny search finds codes by, as KSH97-P's synonyms. */
const testSynonyms = [{ code: 'H931', term: 'Öronsusning' }];

/** Services that answer from a tiny in-memory code list (component tests need no backend). */
export const testServices: RendererServices = {
  searchDiagnoses: (query) => {
    const q = query.trim().toLowerCase();
    if (q === '') return Promise.resolve([]);
    const byCodeOrTitle = testCodeList.filter(
      (d) => d.code.toLowerCase().startsWith(q) || d.title.toLowerCase().includes(q),
    );
    const bySynonym = testSynonyms.flatMap(({ code, term }) => {
      const found = testCodeList.find((d) => d.code === code);
      return found === undefined || !term.toLowerCase().startsWith(q)
        ? []
        : [{ ...found, alias: { term, source: 'KSH97-P' as const } }];
    });
    return Promise.resolve([...bySynonym, ...byCodeOrTitle]);
  },
  lookupDiagnosis: (code) =>
    Promise.resolve(testCodeList.find((d) => d.code === code.toUpperCase().replace('.', ''))),
};

/** A one-category definition around the given questions. */
export function definitionWith(
  questions: unknown[],
  extra: Record<string, unknown> = {},
): CertificateDefinition {
  return parseDefinition({
    code: 'test',
    formNumber: 'FK 0000',
    name: 'Testintyg',
    kind: 'intyg',
    version: '1.0',
    recipient: 'Försäkringskassan',
    description: 'Test',
    summary: 'Ett prov.',
    policy: {
      draftRoles: ['physician'],
      signRoles: ['physician'],
      signAndSend: false,
      consentRequired: false,
      availableToPatient: false,
      fkMayAskQuestions: false,
      renew: { allowed: false, notCopied: [] },
      replaceAllowed: true,
      revokeAllowed: true,
    },
    categories: [{ id: 'KAT_1', title: 'Kategori', questions }],
    ...extra,
  });
}

/** Renders a definition in the real form with a user to drive it. */
export function renderForm(
  definition: CertificateDefinition,
  {
    answers = {},
    context = testContext,
    services = testServices,
  }: { answers?: Answers; context?: EvaluationContext; services?: RendererServices } = {},
) {
  const user = userEvent.setup();
  const changes: Answers[] = [];
  const result = render(
    <CertificateForm
      definition={definition}
      context={context}
      services={services}
      defaultAnswers={answers}
      onAnswersChange={(next) => changes.push(next)}
    />,
  );
  return { ...result, user, changes };
}
