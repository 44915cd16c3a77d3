import { useId, useState } from 'react';
import { fmbConditionLabels, type FmbGuidance, type FmbTypfall } from '../../../contracts/fmb';
import type { GuidanceProps } from '../../../form-renderer';
import { formatDate } from '../../../lib/format';
import { countText } from '../../../language/swedish';
import { diagnosisCodesOf, useFmbGuidance, useSettled } from './fmb-api';
import './fmb.css';

/** Wide enough to show the panel open beside the form; narrower, it starts collapsed. */
const WIDE = '(min-width: 48rem)';

/**
 * Socialstyrelsen's FMB beside the diagnoses: one choice per entered diagnosis, its heading
 * and typfall with the conditions that select each and its recommended length and grade,
 * sorted by length, with the source and the snapshot's date. It follows the diagnoses as they
 * are typed and collapses out of the way on narrow screens.
 */
export function FmbPanel({ definition, answers }: GuidanceProps) {
  const entered = diagnosisCodesOf(definition, answers);
  const codes = useSettled(entered, entered.join(','));
  const guidance = useFmbGuidance(codes);
  const [open, setOpen] = useState(() => window.matchMedia(WIDE).matches);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const headingId = useId();
  const contentId = useId();

  const items = guidance.data?.guidance ?? [];
  const selected = items.find((item) => item.code === chosen) ?? items[0];

  return (
    <section className="fmb-panel" aria-labelledby={headingId}>
      <div className="fmb-panel__bar">
        <h3 id={headingId} className="fmb-panel__title">
          FMB – stöd för sjukskrivning
        </h3>
        <button
          type="button"
          className="button button--secondary button--small fmb-panel__toggle"
          aria-expanded={open}
          aria-controls={contentId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Dölj' : 'Visa'}
          <span className="sr-only"> FMB:s rekommendationer</span>
        </button>
      </div>
      <div id={contentId} hidden={!open} className="fmb-panel__content">
        {codes.length === 0 ? (
          <p>Ange en diagnoskod för att se Socialstyrelsens rekommendationer för sjukskrivning.</p>
        ) : guidance.isError ? (
          <p role="alert">FMB kunde inte hämtas: {guidance.error.message}</p>
        ) : guidance.data === undefined ? (
          <p role="status">Hämtar FMB…</p>
        ) : (
          <>
            {items.length > 1 && (
              <div className="fmb-panel__choices" role="group" aria-label="Välj diagnos">
                {items.map((item) => (
                  <button
                    key={item.code}
                    type="button"
                    className="button button--secondary button--small"
                    aria-pressed={item === selected}
                    onClick={() => setChosen(item.code)}
                  >
                    {item.code}
                  </button>
                ))}
              </div>
            )}
            {selected !== undefined && <GuidanceFor guidance={selected} />}
            <p className="fmb-panel__source">
              Källa: {guidance.data.source.name}. Uppgifterna är från{' '}
              {formatDate(guidance.data.source.snapshot)} och kan ha ändrats sedan dess.
            </p>
          </>
        )}
      </div>
    </section>
  );
}

function GuidanceFor({ guidance }: { guidance: FmbGuidance }) {
  if (guidance.status === 'none') {
    return (
      <p>
        <strong>{guidance.code}:</strong> {guidance.reason}
      </p>
    );
  }
  return (
    <div className="fmb-guidance">
      <h4 className="fmb-guidance__heading">
        {guidance.matchedCode} {guidance.heading}
      </h4>
      {guidance.matchedCode !== guidance.code && (
        <p className="fmb-guidance__matched">
          Rekommendationerna gäller {guidance.matchedCode}, som {guidance.code} hör till.
        </p>
      )}
      {guidance.typfall.length === 0 ? (
        <p>FMB anger ingen rekommenderad sjukskrivningstid för diagnosen.</p>
      ) : (
        <ul className="fmb-guidance__typfall" aria-label={`Typfall för ${guidance.matchedCode}`}>
          {guidance.typfall.map((typfall) => (
            <TypfallItem key={typfall.id} typfall={typfall} />
          ))}
        </ul>
      )}
    </div>
  );
}

function lengthText(typfall: FmbTypfall): string {
  if (typfall.maxDays === undefined) return 'Ingen längd angiven';
  if (typfall.maxDays === 0) return 'Ingen sjukskrivning';
  return `Högst ${countText(typfall.maxDays, 'dag', 'dagar')}`;
}

function TypfallItem({ typfall }: { typfall: FmbTypfall }) {
  return (
    <li className="fmb-typfall">
      <p className="fmb-typfall__length">
        <strong>{lengthText(typfall)}</strong>
        {typfall.grade === undefined ? '' : `, ${typfall.grade}`}
      </p>
      <p className="fmb-typfall__label">{typfall.label}</p>
      {typfall.conditions.length > 0 && (
        <p className="fmb-typfall__conditions">
          {typfall.conditions
            .map(
              (condition) =>
                `${fmbConditionLabels[condition.kind]}: ${condition.values.join(', ')}`,
            )
            .join(' · ')}
        </p>
      )}
    </li>
  );
}
