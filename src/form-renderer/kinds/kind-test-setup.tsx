import { render } from '@testing-library/react';
import { beforeAll } from 'vitest';
import type { Answers, CertificateDefinition } from '../../form-engine';
import { CertificateView } from '../certificate-view';
import { testContext } from '../testing/render-question';

// Setup shared by the kinds' component tests.

/** The answers the form wrote last. */
export const last = (changes: Answers[]) => changes.at(-1);

/** jsdom has no scrollIntoView; the readiness panel's links call it through focusField. */
export function stubScrollIntoView(): void {
  beforeAll(() => {
    Element.prototype.scrollIntoView = () => undefined;
  });
}

/** Renders answers read-only, as a signed certificate shows them. */
export function renderView(definition: CertificateDefinition, answers: Answers) {
  return render(
    <CertificateView definition={definition} answers={answers} context={testContext} />,
  );
}
