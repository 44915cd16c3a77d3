import { describe, expect, it } from 'vitest';
import {
  certificateDefinitionSchema,
  conditionSchema,
  definitionJsonSchema,
  QUESTION_KINDS,
  type Condition,
  type ConditionType,
  type CrossCheckType,
} from './definition-schema';
import { sampleDefinition, sampleDefinitionInput } from './testing/sample-definition';

const policy = {
  draftRoles: ['physician'],
  signRoles: ['physician'],
  signAndSend: false,
  consentRequired: false,
  availableToPatient: true,
  fkMayAskQuestions: false,
  renew: { allowed: true, notCopied: [] },
  replaceAllowed: true,
  revokeAllowed: true,
};

function definition(questions: unknown[], extra: Record<string, unknown> = {}) {
  return {
    code: 'test',
    formNumber: 'FK 1',
    name: 'Test',
    kind: 'intyg',
    version: '1.0',
    recipient: 'Försäkringskassan',
    summary: 'Ett prov.',
    policy,
    categories: [{ id: 'KAT_1', title: 'Kategori', questions }],
    ...extra,
  };
}

const yesNo = { id: 'q1', kind: 'yesNo', label: 'Fråga?' };
const text = { id: 'q2', kind: 'textArea', label: 'Text' };

function problems(input: unknown): string[] {
  const result = certificateDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

function collectConditionTypes(condition: Condition, into: Set<ConditionType>): void {
  into.add(condition.type);
  if (condition.type === 'not') collectConditionTypes(condition.condition, into);
  if (condition.type === 'and' || condition.type === 'or') {
    for (const child of condition.conditions) collectConditionTypes(child, into);
  }
}

describe('certificate definition meta-schema', () => {
  it('parses the sample definition, also after a JSON round trip', () => {
    expect(problems(sampleDefinitionInput)).toEqual([]);
    const json: unknown = JSON.parse(JSON.stringify(sampleDefinitionInput));
    expect(certificateDefinitionSchema.parse(json)).toEqual(sampleDefinition);
  });

  it('the sample definition uses every kind, condition type and cross-check', () => {
    const questions = sampleDefinition.categories.flatMap((category) => category.questions);
    expect(new Set(questions.map((question) => question.kind))).toEqual(new Set(QUESTION_KINDS));

    const conditionTypes = new Set<ConditionType>();
    const conditions: Condition[] = [];
    for (const category of sampleDefinition.categories) {
      if (category.visibleIf) conditions.push(category.visibleIf);
      for (const question of category.questions) {
        if (question.visibleIf) conditions.push(question.visibleIf);
        if (question.kind === 'info' || question.kind === 'heading') continue;
        if (question.enabledIf) conditions.push(question.enabledIf);
        if (question.requiredIf) conditions.push(question.requiredIf);
        for (const message of question.messages ?? [])
          if (message.when) conditions.push(message.when);
      }
    }
    for (const confirmation of sampleDefinition.confirmations ?? [])
      conditions.push(confirmation.when);
    for (const condition of conditions) collectConditionTypes(condition, conditionTypes);
    // A Record forces this list to name every condition type there is.
    const everyConditionType: Record<ConditionType, true> = {
      answered: true,
      equals: true,
      includes: true,
      includesAny: true,
      not: true,
      and: true,
      or: true,
      dateBefore: true,
      dateAfter: true,
      integerCompare: true,
      periodDays: true,
      patientAge: true,
      role: true,
    };
    const allConditionTypes = Object.keys(everyConditionType);
    expect(conditionTypes).toEqual(new Set(allConditionTypes));

    const checkTypes = new Set((sampleDefinition.crossChecks ?? []).map((check) => check.type));
    const allCheckTypes: CrossCheckType[] = [
      'noOverlap',
      'dateNotAfter',
      'atLeastOneAnswered',
      'rowsFromTop',
    ];
    expect(checkTypes).toEqual(new Set(allCheckTypes));
  });

  it('accepts a minimal definition', () => {
    expect(problems(definition([yesNo, text]))).toEqual([]);
  });

  it('rejects unknown condition types instead of treating them as true', () => {
    expect(conditionSchema.safeParse({ type: 'isAwesome', question: 'q1' }).success).toBe(false);
    expect(
      problems(definition([yesNo, { ...text, visibleIf: { type: 'bogus', question: 'q1' } }])),
    ).not.toEqual([]);
    expect(
      problems(
        definition([
          yesNo,
          { ...text, visibleIf: { type: 'not', condition: { type: 'answerd', question: 'q1' } } },
        ]),
      ),
    ).not.toEqual([]);
  });

  it('rejects unknown keys, kinds and cross-check types', () => {
    expect(problems(definition([{ ...yesNo, lable: 'typo' }]))).not.toEqual([]);
    expect(problems(definition([{ ...yesNo, kind: 'slider' }]))).not.toEqual([]);
    expect(
      problems(definition([yesNo, text], { crossChecks: [{ type: 'magic', question: 'q1' }] })),
    ).not.toEqual([]);
    expect(
      problems(
        definition([{ ...text, visibleIf: { type: 'answered', question: 'q2', extra: 1 } }]),
      ),
    ).not.toEqual([]);
    expect(
      problems(definition([{ ...text, errorTexts: { answerMisssing: 'Skriv!' } }])),
    ).not.toEqual([]);
  });

  it('rejects dotted question ids', () => {
    expect(problems(definition([{ ...text, id: '1.3' }])).join()).toMatch(/no dots/);
    expect(problems(definition([{ ...text, id: '1_3', fkFieldId: '1.3' }]))).toEqual([]);
  });

  it('rejects duplicate ids and duplicate option codes', () => {
    expect(problems(definition([yesNo, { ...text, id: 'q1' }])).join()).toMatch(
      /Duplicate question id/,
    );
    expect(
      problems(
        definition([
          {
            id: 'r',
            kind: 'codeRadio',
            label: 'R',
            options: [
              { code: 'A', label: 'a' },
              { code: 'A', label: 'b' },
            ],
          },
        ]),
      ).join(),
    ).toMatch(/duplicate option codes/);
  });

  it('rejects rules that name unknown questions or options', () => {
    expect(
      problems(definition([{ ...text, visibleIf: { type: 'answered', question: 'nope' } }])).join(),
    ).toMatch(/Unknown question "nope"/);
    const checkboxes = {
      id: 'c',
      kind: 'codeCheckboxes',
      label: 'C',
      options: [{ code: 'A', label: 'a' }],
    };
    expect(
      problems(
        definition([
          checkboxes,
          { ...text, visibleIf: { type: 'includes', question: 'c', code: 'B' } },
        ]),
      ).join(),
    ).toMatch(/has no option "B"/);
    expect(
      problems(
        definition([
          checkboxes,
          { ...text, visibleIf: { type: 'includes', question: 'q2', code: 'A' } },
        ]),
      ).join(),
    ).toMatch(/cannot read a textArea/);
  });

  it('rejects comparisons of the wrong type', () => {
    expect(
      problems(
        definition([
          yesNo,
          { ...text, visibleIf: { type: 'equals', question: 'q1', value: 'Ja' } },
        ]),
      ).join(),
    ).toMatch(/needs a boolean/);
    expect(
      problems(
        definition([
          yesNo,
          {
            ...text,
            visibleIf: { type: 'integerCompare', question: 'q1', operator: 'gt', value: 1 },
          },
        ]),
      ).join(),
    ).toMatch(/integerCompare needs an integer/);
    const dateQuestion = { id: 'd', kind: 'date', label: 'D' };
    expect(
      problems(
        definition([
          dateQuestion,
          {
            ...text,
            visibleIf: {
              type: 'dateBefore',
              question: 'd',
              field: 'from',
              reference: { type: 'today' },
            },
          },
        ]),
      ).join(),
    ).toMatch(/Field "from" does not exist/);
    expect(
      problems(
        definition([
          yesNo,
          {
            ...text,
            visibleIf: { type: 'dateBefore', question: 'q1', reference: { type: 'today' } },
          },
        ]),
      ).join(),
    ).toMatch(/holds no dates/);
  });

  it('rejects visibility cycles', () => {
    const a = { ...text, id: 'a', visibleIf: { type: 'answered', question: 'b' } };
    const b = { ...text, id: 'b', visibleIf: { type: 'answered', question: 'a' } };
    expect(problems(definition([a, b])).join()).toMatch(/cycle/);
    const self = { ...text, id: 's', enabledIf: { type: 'answered', question: 's' } };
    expect(problems(definition([self])).join()).toMatch(/cycle/);
    // requiredIf and messages may read the question itself: that is no cycle.
    const ok = {
      ...text,
      id: 'ok',
      requiredIf: { type: 'answered', question: 'ok' },
      messages: [{ severity: 'info', text: 'Hej', when: { type: 'answered', question: 'ok' } }],
    };
    expect(problems(definition([ok]))).toEqual([]);
  });

  it('rejects required together with requiredIf', () => {
    expect(
      problems(
        definition([
          yesNo,
          { ...text, required: true, requiredIf: { type: 'answered', question: 'q1' } },
        ]),
      ).join(),
    ).toMatch(/either required/);
  });

  it('checks cross-check targets', () => {
    expect(
      problems(
        definition([yesNo, text], { crossChecks: [{ type: 'noOverlap', question: 'q2' }] }),
      ).join(),
    ).toMatch(/expected sickLeavePeriods or periodsWithShares/);
    expect(
      problems(
        definition([yesNo, text], {
          crossChecks: [
            { type: 'atLeastOneAnswered', questions: ['q1', 'q2'], attachTo: 'q3', message: 'x' },
          ],
        }),
      ).join(),
    ).toMatch(/attachTo must be one of/);
    expect(
      problems(
        definition([yesNo, text], { crossChecks: [{ type: 'rowsFromTop', question: 'q1' }] }),
      ).join(),
    ).toMatch(/expected diagnoses or investigations/);
  });

  it('checks policy, notice and integer references', () => {
    expect(
      problems(
        definition([yesNo], { policy: { ...policy, renew: { allowed: true, notCopied: ['zz'] } } }),
      ).join(),
    ).toMatch(/Unknown question "zz"/);
    expect(
      problems(
        definition([yesNo], {
          notices: [{ id: 'n', text: 'Hej', severity: 'info', categoryId: 'KAT_9' }],
        }),
      ).join(),
    ).toMatch(/Unknown category/);
    expect(
      problems(definition([{ id: 'i', kind: 'integer', label: 'I', min: 5, max: 1 }])).join(),
    ).toMatch(/min must not exceed max/);
    expect(
      problems(definition([yesNo], { policy: { ...policy, signRoles: ['doctor'] } })),
    ).not.toEqual([]);
    expect(problems(definition([yesNo], { kind: 'utlatande' }))).not.toEqual([]);
  });

  it('exports a JSON Schema for editor completion', () => {
    const schema = definitionJsonSchema();
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['code', 'policy', 'categories', 'crossChecks']),
    );
  });
});
