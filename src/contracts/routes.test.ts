import { describe, expect, expectTypeOf, it } from 'vitest';
import { routePattern, routes, type PathParamNames } from './routes';

describe('routes', () => {
  it('names the parameters of a path', () => {
    expectTypeOf<PathParamNames<typeof routes.getSession.path>>().toBeNever();
    expectTypeOf<PathParamNames<typeof routes.getCertificate.path>>().toEqualTypeOf<'id'>();
    expectTypeOf<PathParamNames<typeof routes.editStoredRecord.path>>().toEqualTypeOf<
      'collection' | 'id'
    >();
  });

  it('gives MSW its `:name` form', () => {
    expect(routePattern(routes.saveAnswers.path)).toBe('/api/certificates/:id/answers');
    expect(routePattern(routes.listCertificateTypes.path)).toBe(
      '/api/patients/:patientId/certificate-types',
    );
  });
});
