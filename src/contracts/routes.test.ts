import { describe, expect, it } from 'vitest';
import { apiPath, routePattern, routes } from './routes';

describe('routes', () => {
  it('fills in and percent-encodes path parameters', () => {
    expect(apiPath(routes.getCertificate, { id: 'cert-123456' })).toBe(
      '/api/certificates/cert-123456',
    );
    expect(apiPath(routes.getDiagnosis, { code: 'J06.9/x y' })).toBe(
      '/api/diagnoses/J06.9%2Fx%20y',
    );
    expect(apiPath(routes.getSession)).toBe('/api/session');
  });

  it('gives MSW its `:name` form', () => {
    expect(routePattern(routes.saveAnswers.path)).toBe('/api/certificates/:id/answers');
    expect(routePattern(routes.listCertificateTypes.path)).toBe(
      '/api/patients/:patientId/certificate-types',
    );
  });
});
