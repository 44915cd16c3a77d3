import { useId, useRef } from 'react';
import { shortQuestionLabel, type Blocker, type CertificateDefinition } from '../form-engine';
import { focusField } from './dom-ids';
import { countText, labelledText } from '../language/swedish';

type Props = {
  definition: CertificateDefinition;
  /** The form instance's id prefix, so a link focuses the field of its own form. */
  idPrefix: string;
  blockers: readonly Blocker[];
  /** Whether every error is on show (the user asked what is missing). */
  showingAll: boolean;
  onShowAll: () => void;
  /** Called for the consent blocker: where consent is recorded. */
  onConsent?: () => void;
};

/**
 * What stands between the draft and signing, per category, each with a link that moves
 * focus to the field. The list is a polite live region: it is announced as it shrinks.
 */
export function ReadinessPanel({
  definition,
  idPrefix,
  blockers,
  showingAll,
  onShowAll,
  onConsent,
}: Props) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ready = blockers.length === 0;
  const groups = definition.categories
    .map((category) => ({
      category,
      blockers: blockers.filter((blocker) => blocker.categoryId === category.id),
    }))
    .filter((group) => group.blockers.length > 0);
  const consent = blockers.filter((blocker) => blocker.kind === 'consent');
  const count = blockers.length;

  return (
    <section className="readiness" aria-labelledby={headingId}>
      {/* Focusable from script: the show-all button goes away once pressed, focus lands here. */}
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="readiness__heading">
        {ready ? 'Klart att signera' : 'Det här saknas för att kunna signera'}
      </h2>
      <div aria-live="polite" aria-atomic="false">
        {ready ? (
          <p className="readiness__ready">Alla obligatoriska uppgifter är ifyllda.</p>
        ) : (
          <>
            <p className="readiness__count">
              {countText(count, 'uppgift', 'uppgifter')} saknas eller behöver rättas.
            </p>
            {!showingAll && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  onShowAll();
                  headingRef.current?.focus();
                }}
              >
                Visa vad som saknas i formuläret
              </button>
            )}
            <ul className="readiness__groups">
              {groups.map(({ category, blockers: inCategory }) => (
                <li key={category.id}>
                  <span className="readiness__category">{category.title}</span>
                  <ul className="readiness__list">
                    {inCategory.map((blocker) => (
                      <li
                        key={`${blocker.questionId ?? ''}-${blocker.path.join('.')}-${blocker.message}`}
                      >
                        <a
                          href={`#${blocker.questionId ?? ''}`}
                          className="readiness__link"
                          onClick={(event) => {
                            event.preventDefault();
                            onShowAll();
                            if (blocker.questionId !== undefined) {
                              // After the errors are rendered, so the field is described by them.
                              window.requestAnimationFrame(() =>
                                focusField(idPrefix, blocker.questionId ?? '', blocker.path),
                              );
                            }
                          }}
                        >
                          {labelledText(
                            shortQuestionLabel(definition, blocker.questionId),
                            blocker.message,
                          )}
                        </a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
              {consent.map((blocker) => (
                <li key="consent">
                  <span className="readiness__category">Samtycke</span>
                  <ul className="readiness__list">
                    <li>
                      {onConsent ? (
                        <a
                          href="#samtycke"
                          className="readiness__link"
                          onClick={(event) => {
                            event.preventDefault();
                            onConsent();
                          }}
                        >
                          {blocker.message}
                        </a>
                      ) : (
                        <span>{blocker.message}</span>
                      )}
                    </li>
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
