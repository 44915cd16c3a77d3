/**
 * An opt-in probe for benchmarks: when a page defines `globalThis.__intygaRenderProbe`, every
 * question render reports its id. Without it this costs one property read per render.
 */
export function reportRender(questionId: string): void {
  const probe: unknown = Reflect.get(globalThis, '__intygaRenderProbe');
  if (typeof probe === 'function') Reflect.apply(probe, undefined, [questionId]);
}
