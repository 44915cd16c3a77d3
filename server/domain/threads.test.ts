import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/definitions';
import type { ThreadActionType } from '../../src/contracts/threads';
import {
  blocksReplace,
  closeOnRevoke,
  decideIncoming,
  decideStartThread,
  decideThread,
  dueOf,
  fkStateOf,
  handleOnComplementSigned,
  reopenOnComplementRevoked,
  threadActionsFor,
  threadMessages,
  toDoOf,
  toDoText,
  type ThreadCertificateFacts,
  type ThreadDecisionInput,
  type ThreadFacts,
  type ThreadState,
} from './threads';
import { lifecycleMessages } from './lifecycle';

const fk7804 = (await loadDefinition('fk7804')).policy;
const fk7210 = (await loadDefinition('fk7210')).policy;
const fk7472 = (await loadDefinition('fk7472')).policy;

const unit = 'SE5568891234-1E01';
const patient = { protectedIdentity: false, deceased: false, testIndicated: false };
const sentCertificate: ThreadCertificateFacts = {
  status: 'signed',
  unitHsaId: unit,
  sent: true,
  questionIds: new Set(['1', '28', '35']),
  complements: [],
};

const fkQuestion: ThreadFacts = {
  topic: 'KONTKT',
  from: 'FK',
  handled: false,
  answered: false,
  reminded: false,
};
const complementRequest: ThreadFacts = { ...fkQuestion, topic: 'KOMPLT' };
const careQuestion: ThreadFacts = { ...fkQuestion, topic: 'OVRIGT', from: 'care' };

function input(overrides: Partial<ThreadDecisionInput> = {}): ThreadDecisionInput {
  return {
    policy: fk7804,
    actor: { role: 'physician', unitHsaId: unit },
    patient,
    certificate: sentCertificate,
    thread: fkQuestion,
    ...overrides,
  };
}

function refusal(action: ThreadActionType, overrides: Partial<ThreadDecisionInput>) {
  const decision = decideThread(action, input(overrides));
  return decision.allowed ? 'allowed' : `${decision.status} ${decision.reason}`;
}

describe('what a thread asks of the unit', () => {
  it.each([
    [complementRequest, 'complement', 'Komplettera'],
    [fkQuestion, 'answer', 'Svara'],
    [{ ...careQuestion, answered: true }, 'read-answer', 'Läs inkommet svar'],
    [careQuestion, 'await-answer', 'Invänta svar'],
    [{ ...fkQuestion, handled: true, answered: true }, 'handled', 'Hanterat ärende'],
  ] as const)('%o → %s', (thread, toDo, text) => {
    expect(toDoOf(thread)).toBe(toDo);
    expect(toDoText(thread)).toBe(text);
  });

  it('tells FK where each thread stands', () => {
    expect(fkStateOf(complementRequest)).toBe('awaiting-care');
    expect(fkStateOf(careQuestion)).toBe('awaiting-fk');
    expect(fkStateOf({ ...careQuestion, answered: true })).toBe('answered');
    expect(
      fkStateOf({ ...fkQuestion, answered: true, handled: true, handledHow: 'answered' }),
    ).toBe('answered');
    expect(fkStateOf({ ...complementRequest, handled: true, handledHow: 'complemented' })).toBe(
      'complemented',
    );
    expect(
      fkStateOf({
        ...complementRequest,
        handled: true,
        handledHow: 'cannot-complement',
        answered: true,
      }),
    ).toBe('cannot-complement');
    expect(fkStateOf({ ...fkQuestion, handled: true, handledHow: 'marked' })).toBe('closed');
    expect(fkStateOf({ ...careQuestion, handled: true, handledHow: 'revoked' })).toBe('revoked');
  });

  it('prefixes "Påminnelse: " while a reminded question is open', () => {
    expect(toDoText({ ...complementRequest, reminded: true })).toBe('Påminnelse: Komplettera');
    expect(toDoText({ ...fkQuestion, reminded: true, handled: true })).toBe('Hanterat ärende');
  });
});

describe('the last day to answer', () => {
  it.each([
    ['2026-12-01', 'overdue'],
    ['2026-12-02', 'soon'],
    ['2026-12-05', 'soon'],
    ['2026-12-06', 'later'],
  ] as const)('%s is %s on 2026-12-02', (lastDay, due) => {
    expect(dueOf(lastDay, '2026-12-02', false)).toBe(due);
  });

  it('is nothing for a handled question or one without a date', () => {
    expect(dueOf('2026-11-01', '2026-12-02', true)).toBe('none');
    expect(dueOf(undefined, '2026-12-02', false)).toBe('none');
  });
});

describe("FK's incoming messages", () => {
  const complement = (ids: string[]) =>
    ({ kind: 'question', messageId: 'm1', topic: 'KOMPLT', complementQuestionIds: ids }) as const;

  it('receives a complement request naming questions the certificate has', () => {
    expect(decideIncoming(fk7804, sentCertificate, complement(['1', '28']), false)).toEqual({
      allowed: true,
    });
  });

  it.each([
    ['unsent', { ...sentCertificate, sent: false }, threadMessages.certificateNotSent],
    ['a draft', { ...sentCertificate, status: 'draft' }, threadMessages.certificateNotSigned],
    ['revoked', { ...sentCertificate, status: 'revoked' }, threadMessages.certificateRevoked],
  ] as const)('refuses messages on a certificate that is %s', (_name, certificate, reason) => {
    expect(decideIncoming(fk7804, certificate, complement(['1']), false)).toMatchObject({
      allowed: false,
      status: 409,
      reason,
    });
  });

  it('refuses a duplicate message id, an empty or unknown question list', () => {
    expect(decideIncoming(fk7804, sentCertificate, complement(['1']), true)).toMatchObject({
      reason: threadMessages.duplicateMessage,
    });
    expect(decideIncoming(fk7804, sentCertificate, complement([]), false)).toMatchObject({
      reason: threadMessages.complementWithoutQuestions,
    });
    expect(decideIncoming(fk7804, sentCertificate, complement(['1', '99']), false)).toMatchObject({
      reason: 'Intyget har ingen fråga med id 99. Kompletteringsbegäran kan inte tas emot.',
    });
    expect(decideIncoming(fk7804, sentCertificate, complement(['1', '1']), false)).toMatchObject({
      reason: threadMessages.duplicateQuestion('1'),
    });
  });

  it("follows the type's policy: FK 7210 has no dialogue, FK 7472 only complement requests", () => {
    const question = {
      kind: 'question',
      messageId: 'm2',
      topic: 'KONTKT',
      complementQuestionIds: [],
    } as const;
    expect(decideIncoming(fk7210, sentCertificate, complement(['1']), false)).toMatchObject({
      reason: threadMessages.noDialogue,
    });
    expect(decideIncoming(fk7472, sentCertificate, question, false)).toMatchObject({
      reason: threadMessages.noDialogue,
    });
    expect(decideIncoming(fk7472, sentCertificate, complement(['1']), false).allowed).toBe(true);
  });

  it('takes a reminder only for an open FK question, an answer only once to a care question', () => {
    const reminder = (target?: Pick<ThreadFacts, 'from' | 'handled'>) =>
      decideIncoming(fk7804, sentCertificate, { kind: 'reminder', messageId: 'r', target }, false);
    expect(reminder({ from: 'FK', handled: false }).allowed).toBe(true);
    expect(reminder(undefined)).toMatchObject({ reason: threadMessages.reminderTargetMissing });
    expect(reminder({ from: 'care', handled: false })).toMatchObject({
      reason: threadMessages.reminderTargetNotFk,
    });
    expect(reminder({ from: 'FK', handled: true })).toMatchObject({
      reason: threadMessages.reminderTargetHandled,
    });

    const answer = (target?: Pick<ThreadFacts, 'from' | 'answered' | 'handled'>) =>
      decideIncoming(fk7804, sentCertificate, { kind: 'answer', messageId: 'a', target }, false);
    expect(answer({ from: 'care', answered: false, handled: false }).allowed).toBe(true);
    expect(answer({ from: 'care', answered: true, handled: false })).toMatchObject({
      reason: threadMessages.alreadyAnswered,
    });
    expect(answer({ from: 'FK', answered: false, handled: false })).toMatchObject({
      reason: threadMessages.answerTargetNotCare,
    });
  });
});

describe("care's actions on a thread", () => {
  it('lets care start only administrative questions, on a sent certificate', () => {
    const base = { policy: fk7804, actor: input().actor, patient, certificate: sentCertificate };
    expect(decideStartThread(base, 'AVSTMN').allowed).toBe(true);
    expect(decideStartThread(base, 'KOMPLT')).toMatchObject({
      status: 403,
      reason: threadMessages.careMayNotStart,
    });
    expect(
      decideStartThread({ ...base, certificate: { ...sentCertificate, sent: false } }, 'KONTKT'),
    ).toMatchObject({ status: 409, reason: threadMessages.certificateNotSent });
    expect(decideStartThread({ ...base, policy: fk7472 }, 'OVRIGT')).toMatchObject({
      reason: threadMessages.noDialogue,
    });
  });

  it('refuses another unit and protected patients for roles that may not sign the type', () => {
    expect(
      refusal('answer', { actor: { role: 'physician', unitHsaId: 'SE5568891234-1E02' } }),
    ).toBe(`403 ${lifecycleMessages.otherUnit}`);
    expect(
      refusal('answer', {
        actor: { role: 'care-admin', unitHsaId: unit },
        patient: { ...patient, protectedIdentity: true },
      }),
    ).toBe(`403 ${lifecycleMessages.protectedPatient}`);
    expect(refusal('answer', { actor: { role: 'care-admin', unitHsaId: unit } })).toBe('allowed');
  });

  it('answers an FK question once, never a complement request or a care question', () => {
    expect(refusal('answer', {})).toBe('allowed');
    expect(refusal('answer', { thread: complementRequest })).toBe(
      `409 ${threadMessages.complementNotAnsweredWithText}`,
    );
    expect(refusal('answer', { thread: careQuestion })).toBe(
      `409 ${threadMessages.careQuestionAnsweredByFk}`,
    );
    expect(refusal('answer', { thread: { ...fkQuestion, answered: true, handled: true } })).toBe(
      `409 ${threadMessages.alreadyAnswered}`,
    );
  });

  it('complements unless a signed complement exists; an existing draft is reopened', () => {
    expect(refusal('complement', { thread: complementRequest })).toBe('allowed');
    const withDraft = {
      ...sentCertificate,
      complements: [{ certificateId: 'c2', status: 'draft' }],
    } as const;
    const actions = threadActionsFor(input({ thread: complementRequest, certificate: withDraft }));
    expect(actions.find((action) => action.type === 'complement')).toEqual({
      type: 'complement',
      label: 'Öppna utkastet som kompletterar intyget',
      enabled: true,
    });
    expect(
      refusal('complement', {
        thread: complementRequest,
        certificate: {
          ...sentCertificate,
          complements: [{ certificateId: 'c2', status: 'signed' }],
        },
      }),
    ).toBe(`409 ${threadMessages.complementAlreadySigned}`);
    expect(
      refusal('complement', { thread: complementRequest, patient: { ...patient, deceased: true } }),
    ).toBe(`409 ${threadMessages.complementDeceased}`);
    expect(refusal('complement', {})).toBe(`409 ${threadMessages.onlyComplementRequests}`);
  });

  it('lets only signing roles answer "Kan ej komplettera"', () => {
    expect(refusal('cannot-complement', { thread: complementRequest })).toBe('allowed');
    expect(
      refusal('cannot-complement', {
        thread: complementRequest,
        actor: { role: 'care-admin', unitHsaId: unit },
      }),
    ).toBe(`403 ${threadMessages.roleMayNotCannotComplement}`);
    const adminActions = threadActionsFor(
      input({ thread: complementRequest, actor: { role: 'care-admin', unitHsaId: unit } }),
    ).map((action) => action.type);
    expect(adminActions).toEqual(['complement', 'mark-handled', 'forward']);
  });

  it('keeps a complement request with a begun complementing draft from being closed another way', () => {
    const withDraft = {
      ...sentCertificate,
      complements: [{ certificateId: 'c2', status: 'draft' }],
    } as const;
    const blocked = `409 ${threadMessages.complementDraftOpen}`;
    expect(
      refusal('cannot-complement', { thread: complementRequest, certificate: withDraft }),
    ).toBe(blocked);
    expect(refusal('mark-handled', { thread: complementRequest, certificate: withDraft })).toBe(
      blocked,
    );
    // The draft does not hold back the certificate's other questions, nor a locked draft.
    expect(refusal('mark-handled', { thread: fkQuestion, certificate: withDraft })).toBe('allowed');
    expect(
      refusal('cannot-complement', {
        thread: complementRequest,
        certificate: {
          ...sentCertificate,
          complements: [{ certificateId: 'c2', status: 'locked-draft' }],
        },
      }),
    ).toBe('allowed');
    // The UI draws the two actions disabled, with the reason.
    const actions = threadActionsFor(input({ thread: complementRequest, certificate: withDraft }));
    expect(
      actions
        .filter((action) => action.type === 'cannot-complement' || action.type === 'mark-handled')
        .map((action) => [action.type, action.enabled, action.reason]),
    ).toEqual([
      ['cannot-complement', false, threadMessages.complementDraftOpen],
      ['mark-handled', false, threadMessages.complementDraftOpen],
    ]);
  });

  it('reopens a handled administrative question, never a complement request or an answered FK question', () => {
    const handledQuestion = { ...careQuestion, handled: true, handledHow: 'marked' } as const;
    expect(refusal('reopen', { thread: handledQuestion })).toBe('allowed');
    expect(
      refusal('reopen', { thread: { ...complementRequest, handled: true, handledHow: 'marked' } }),
    ).toBe(`409 ${threadMessages.complementNotReopened}`);
    expect(
      refusal('reopen', {
        thread: { ...fkQuestion, handled: true, handledHow: 'answered', answered: true },
      }),
    ).toBe(`409 ${threadMessages.answeredNotReopened}`);
    expect(refusal('reopen', { thread: careQuestion })).toBe(`409 ${threadMessages.notHandled}`);
  });

  it('lists, for each state, exactly the actions it offers', () => {
    const types = (thread: ThreadFacts) =>
      threadActionsFor(input({ thread })).map((action) => [action.type, action.enabled]);
    expect(types(fkQuestion)).toEqual([
      ['answer', true],
      ['mark-handled', true],
      ['forward', true],
    ]);
    expect(types(complementRequest)).toEqual([
      ['complement', true],
      ['cannot-complement', true],
      ['mark-handled', true],
      ['forward', true],
    ]);
    expect(types({ ...careQuestion, answered: true, handled: true, handledHow: 'marked' })).toEqual(
      [['reopen', true]],
    );
    expect(types({ ...fkQuestion, answered: true, handled: true, handledHow: 'answered' })).toEqual(
      [['reopen', false]],
    );
  });
});

describe('revoking and complementing change threads', () => {
  const at = '2026-12-02T10:00:00.000Z';
  const open: ThreadState = { topic: 'KOMPLT', answerDraft: { text: 'x' } };
  const handled: ThreadState = { topic: 'OVRIGT', handled: { at, how: 'marked' } };

  it('closes every open thread when the certificate is revoked, dropping unsent answers', () => {
    const changed = closeOnRevoke([open, handled, { topic: 'KONTKT' }], at);
    expect(changed).toEqual([
      { topic: 'KOMPLT', handled: { at, how: 'revoked' }, answerDraft: undefined },
      { topic: 'KONTKT', handled: { at, how: 'revoked' }, answerDraft: undefined },
    ]);
  });

  it('handles the open complement requests when a complement is signed, and reopens them when it is revoked', () => {
    const [answered, ...rest] = handleOnComplementSigned([open, handled], 'c2', at);
    expect(rest).toEqual([]);
    expect(answered).toMatchObject({
      handled: { at, how: 'complemented' },
      complementedBy: { certificateId: 'c2', status: 'signed' },
    });
    if (answered === undefined) throw new Error('expected the request to be handled');
    expect(reopenOnComplementRevoked([answered, handled], 'c2')).toEqual([
      { topic: 'KOMPLT', handled: undefined, complementedBy: undefined, answerDraft: undefined },
    ]);
    expect(reopenOnComplementRevoked([answered], 'other')).toEqual([]);
  });

  it('blocks replacing while a complement request is unhandled', () => {
    expect(blocksReplace([{ topic: 'KOMPLT', handled: false }])).toBe(true);
    expect(
      blocksReplace([
        { topic: 'KOMPLT', handled: true },
        { topic: 'OVRIGT', handled: false },
      ]),
    ).toBe(false);
  });
});
