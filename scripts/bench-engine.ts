// Engine benchmark: for every definition, the time to evaluate a complete answer set, to
// parse it with the zod answer schema, and to prune it. Prints figures; asserts nothing.
// Run: npx tsx scripts/bench-engine.ts [iterations]
import { readFileSync } from 'node:fs';
import { buildAnswerSchema, evaluate, parseDefinition, pruneHidden } from '../src/form-engine';
import { certificateTypes } from '../src/definitions';
import { answerBuilders } from '../mocks/builders/certificates';
import {
  completeSampleAnswers,
  SAMPLE_TODAY,
  sampleDefinitionInput,
} from '../src/form-engine/testing/sample-definition';

const iterations = Number(process.argv[2] ?? 2000);
const today = new Date().toISOString().slice(0, 10);

function time(run: () => void): { median: number; p95: number } {
  for (let i = 0; i < 50; i += 1) run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)] ?? 0,
    p95: samples[Math.floor(samples.length * 0.95)] ?? 0,
  };
}

const ms = (value: number) => `${(value * 1000).toFixed(1).padStart(7)} µs`;
console.log(`Engine benchmark, ${iterations} iterations, today ${today} (median / p95)`);
console.log('definition  questions  evaluate            schema parse        pruneHidden');
for (const code of certificateTypes) {
  const definition = parseDefinition(
    JSON.parse(readFileSync(new URL(`../src/definitions/${code}.json`, import.meta.url), 'utf8')),
  );
  const questions = definition.categories.reduce(
    (sum, category) => sum + category.questions.length,
    0,
  );
  const answers = answerBuilders[code].complete(today);
  const context = { today, role: 'physician' as const, consentRecorded: true };
  const schema = buildAnswerSchema(definition, context);
  if (!evaluate(definition, answers, context).readiness.readyToSign)
    throw new Error(`${code}: complete set not ready`);
  const evaluation = time(() => evaluate(definition, answers, context));
  const parse = time(() => schema.safeParse(answers));
  const prune = time(() => pruneHidden(definition, answers, context));
  console.log(
    `${code.padEnd(10)}  ${String(questions).padStart(9)}  ${ms(evaluation.median)} / ${ms(evaluation.p95)}  ${ms(parse.median)} / ${ms(parse.p95)}  ${ms(prune.median)} / ${ms(prune.p95)}`,
  );
}

// A ~60-question form (the sample definition widened by repeating simple categories): the
// figure the engine aims to keep well under 1 ms per evaluation.
{
  const extra = Array.from({ length: 6 }, (_, index) => ({
    id: `EXTRA_${String(index)}`,
    title: `Extra ${String(index)}`,
    visibleIf: { type: 'not' as const, condition: { type: 'answered' as const, question: '27' } },
    questions: Array.from({ length: 5 }, (_, q) => ({
      id: `x${String(index)}_${String(q)}`,
      kind: 'textArea' as const,
      label: 'Extra',
      required: true,
      maxLength: 4000,
      visibleIf: { type: 'equals' as const, question: '3', value: true },
    })),
  }));
  const big = parseDefinition({
    ...sampleDefinitionInput,
    categories: [...sampleDefinitionInput.categories, ...extra],
  });
  const questions = big.categories.reduce((sum, category) => sum + category.questions.length, 0);
  const context = { today: SAMPLE_TODAY, role: 'physician' as const, consentRecorded: true };
  const result = time(() => evaluate(big, completeSampleAnswers, context));
  console.log(
    `\nwidened sample, ${String(questions)} questions: evaluate ${ms(result.median)} / ${ms(result.p95)} (aim: well under 1 ms)`,
  );
}
