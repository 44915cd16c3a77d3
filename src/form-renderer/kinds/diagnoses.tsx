import { useEffect, useRef, useState } from 'react';
import { Combobox } from '../../components/ui/combobox';
import {
  cleanFkText,
  DEFAULT_MESSAGES,
  diagnosesValueSchema,
  diagnosisTextKey,
  dottedDiagnosisCode,
  normalizeDiagnosisCode,
  type DiagnosisRow,
} from '../../form-engine';
import { useFormRuntime } from '../form-context';
import type { DiagnosisSearchHit, EditProps, ViewProps } from '../types';
import { joinIds } from './aria';
import { ErrorText, PartErrors } from './field-errors';
import { NotAnswered } from './not-answered';
import {
  changeRow,
  isBlank,
  PartField,
  RowKindRoot,
  RowField,
  useRowKind,
  withoutTrailingEmpty,
  type Part,
} from './row-parts';

/** The code system the search and the look-up know. */
const ICD10 = 'ICD-10-SE';
/** FK's message for a code the code list does not have, as the engine words it for the panel. */
const UNKNOWN_CODE = DEFAULT_MESSAGES.diagnosisCodeInvalid;
/** What a code looks like once normalized (engine: a letter, two digits, then letters, digits or '-'). */
const CODE_SHAPE = /^[A-Z][0-9]{2}[A-Z0-9-]*$/;
const SEARCH_HINT =
  'Sök på diagnoskod eller ord, till exempel ”F43” eller ”utmattning”, och välj en träff med piltangenterna och Enter.';

/** Why a hit was found, when by another name than its title: "Synonym: Frusen skuldra". */
function aliasText({ term, source }: NonNullable<DiagnosisSearchHit['alias']>): string {
  return source === 'FMB' ? `FMB: ${term}` : `Synonym: ${term}`;
}

/**
 * A code's official title as the description FK receives: a few ICD-10-SE titles hold
 * characters outside FK's set (”, –, †, ≥), written in their closest allowed form.
 */
const titleForFk = (title: string) => cleanFkText(title).text;
const sameText = (a: string, b: string) => diagnosisTextKey(a) === diagnosisTextKey(b);
const emptyRow = (): DiagnosisRow => ({ code: '', description: '' });
const isRowEmpty = (row: DiagnosisRow | undefined) =>
  row === undefined || (isBlank(row.code) && isBlank(row.description));

/** Rows shown: row 1 always, each row that holds something, and the row after one with a code. */
function visibleRowCount(rows: readonly DiagnosisRow[], maxRows: number): number {
  let count = 1;
  rows.forEach((row, index) => {
    if (!isRowEmpty(row)) count = Math.max(count, index + 1);
    if (!isBlank(row.code)) count = Math.max(count, index + 2);
  });
  return Math.min(count, maxRows);
}

export function DiagnosesEdit(props: EditProps<'diagnoses'>) {
  const { question, controlId, disabled } = props;
  const { answer, rows, tracker, hintId, root } = useRowKind(props, diagnosesValueSchema);
  const { services } = useFormRuntime();
  const systems = question.codeSystems ?? [ICD10];
  const multipleSystems = systems.length > 1;
  const [chosenSystem, setChosenSystem] = useState<string>(
    () => rows.find((row) => row.codeSystem !== undefined)?.codeSystem ?? systems[0] ?? ICD10,
  );
  // Codes the look-up did not find, per row (the message shows while the row still holds it).
  const [notFound, setNotFound] = useState<ReadonlyMap<number, string>>(new Map());
  // The latest rows, for look-ups that answer after the user has moved on.
  const latest = useRef(rows);
  useEffect(() => {
    latest.current = rows;
  });
  const lookups = useRef(new Map<number, AbortController>());
  useEffect(() => {
    const pending = lookups.current;
    return () => {
      for (const controller of pending.values()) controller.abort();
    };
  }, []);

  const write = (next: DiagnosisRow[]) => {
    const trimmed = withoutTrailingEmpty(next, isRowEmpty);
    latest.current = trimmed;
    answer.onChange(trimmed);
  };
  const update = (index: number, patch: Partial<DiagnosisRow>) =>
    write(
      changeRow(latest.current, index, emptyRow, (current) => {
        const withSystem = multipleSystems
          ? { codeSystem: current.codeSystem ?? chosenSystem }
          : {};
        return { ...current, ...withSystem, ...patch };
      }),
    );
  const forgetNotFound = (index: number) =>
    setNotFound((previous) => {
      if (!previous.has(index)) return previous;
      const next = new Map(previous);
      next.delete(index);
      return next;
    });

  // The code each row held when its code was last left or chosen. A description that is that
  // code's official title came with it, and follows the code when the code changes.
  const [committedCodes] = useState(
    () => new Map(rows.map((row, index) => [index, normalizeDiagnosisCode(row.code)])),
  );
  // Rows whose own (hand-written or edited) description was kept when the code changed: the
  // field asks the physician to confirm it until they do, or edit it.
  const [unconfirmed, setUnconfirmed] = useState<ReadonlySet<number>>(new Set());
  const setConfirmed = (index: number, confirmed: boolean) =>
    setUnconfirmed((previous) => {
      if (previous.has(index) !== confirmed) return previous;
      const next = new Set(previous);
      if (confirmed) next.delete(index);
      else next.add(index);
      return next;
    });

  const lookUp = (index: number) => {
    const row = latest.current[index];
    lookups.current.get(index)?.abort();
    if (row === undefined || isBlank(row.code)) {
      forgetNotFound(index);
      setConfirmed(index, true);
      committedCodes.set(index, '');
      return;
    }
    const normalized = normalizeDiagnosisCode(row.code);
    // "f43.8a" becomes "F438A"; words typed to search stay as typed.
    if (CODE_SHAPE.test(normalized) && normalized !== row.code) update(index, { code: normalized });
    const typed = CODE_SHAPE.test(normalized) ? normalized : row.code;
    const previous = committedCodes.get(index) ?? '';
    committedCodes.set(index, typed);
    if ((row.codeSystem ?? (multipleSystems ? chosenSystem : ICD10)) !== ICD10) return;
    const codeChanged = previous !== '' && previous !== typed;
    const descriptionThen = row.description;
    const controller = new AbortController();
    lookups.current.set(index, controller);
    const previousTitle = codeChanged
      ? services.lookupDiagnosis(previous, controller.signal).then(
          (found) => (found === undefined ? undefined : titleForFk(found.title)),
          () => undefined,
        )
      : Promise.resolve(undefined);
    Promise.all([services.lookupDiagnosis(normalized, controller.signal), previousTitle]).then(
      ([looked, oldTitle]) => {
        const found = looked === undefined ? undefined : { title: titleForFk(looked.title) };
        if (controller.signal.aborted) return;
        const current = latest.current[index];
        if (current?.code !== typed) return; // changed meanwhile
        if (found === undefined) setNotFound((previous) => new Map(previous).set(index, typed));
        else forgetNotFound(index);
        // A description typed while the look-up ran is the physician's own: left alone.
        if (current.description !== descriptionThen) return;
        const description = current.description;
        if (isBlank(description) || found === undefined) {
          if (found !== undefined) update(index, { description: found.title });
          else if (oldTitle !== undefined && sameText(description, oldTitle))
            update(index, { description: '' }); // the old code's text says nothing of this one
          return;
        }
        if (sameText(description, found.title)) setConfirmed(index, true);
        else if (oldTitle !== undefined && sameText(description, oldTitle)) {
          update(index, { description: found.title });
          setConfirmed(index, true);
        } else if (codeChanged) setConfirmed(index, false);
      },
      () => {
        // The look-up failed: say nothing; the engine still checks the code's format.
      },
    );
  };

  /** Learns which code, if any, a description is the official title of (the engine judges it). */
  const learnDescription = (index: number) => {
    const description = latest.current[index]?.description ?? '';
    if (isBlank(description)) return;
    services.searchDiagnoses(description).catch(() => {
      // Nothing learnt: the backend still judges the description when the draft is signed.
    });
  };

  const count = visibleRowCount(rows, question.maxRows);
  const rowElements = Array.from({ length: count }, (_, index) => {
    const row = rows[index] ?? emptyRow();
    const rowName = question.rowLabels?.[index] ?? `Diagnos ${String(index + 1)}`;
    const rowPart = tracker.part([index]);
    const codePart = tracker.part([index, 'code']);
    const systemPart = tracker.part([index, 'codeSystem']);
    const descriptionPart = tracker.part([index, 'description']);
    const missingCode = notFound.get(index) === row.code && !isBlank(row.code);
    const notFoundId = `${codePart.id}-not-found`;
    const confirmId = `${descriptionPart.id}-confirm`;
    const toConfirm = unconfirmed.has(index) && !isBlank(row.description);
    // The code field shows the code's and the code system's errors. A code the look-up did not
    // find shows that one message: the engine's errors on the code say the same thing again.
    const codeErrors = [...(missingCode ? [] : codePart.errors), ...systemPart.errors];
    const codeField: Part = {
      id: codePart.id,
      errors: codeErrors,
      errorId: codeErrors.length > 0 ? `${codePart.id}-error` : undefined,
      ariaInvalid:
        codePart.ariaInvalid ??
        systemPart.ariaInvalid ??
        rowPart.ariaInvalid ??
        (missingCode ? true : undefined),
    };
    return (
      <div key={index} id={rowPart.id} className="diagnosis-row">
        <p className="diagnosis-row__label" aria-hidden="true">
          {rowName}
        </p>
        <PartErrors id={rowPart.errorId ?? ''} errors={rowPart.errors} />
        <div className="diagnosis-row__fields">
          <PartField
            part={codeField}
            field="text"
            className="complex-kind__field diagnosis-row__code"
            label="Diagnoskod"
            after={
              missingCode && (
                <span id={notFoundId} className="question__part-error">
                  <ErrorText>{UNKNOWN_CODE}</ErrorText>
                </span>
              )
            }
          >
            <Combobox<DiagnosisSearchHit>
              id={codeField.id}
              className="diagnosis-combobox"
              label={`Diagnoskod, ${rowName}`}
              listLabel={`Sökträffar, ${rowName}`}
              value={row.code}
              disabled={disabled}
              invalid={codeField.ariaInvalid}
              search={services.searchDiagnoses}
              optionKey={(diagnosis) => diagnosis.code}
              renderOption={(diagnosis) => (
                <>
                  <span className="diagnosis-combobox__code">{diagnosis.code}</span>{' '}
                  {diagnosis.title}
                  {diagnosis.alias !== undefined && (
                    <>
                      {' '}
                      <span className="diagnosis-combobox__alias">
                        {aliasText(diagnosis.alias)}
                      </span>
                    </>
                  )}
                </>
              )}
              searchFailedText="Sökningen gick inte att genomföra. Skriv diagnoskoden eller försök igen."
              describedBy={joinIds(
                codeField.errorId,
                missingCode ? notFoundId : undefined,
                rowPart.errorId,
                hintId,
              )}
              onType={(text) => {
                forgetNotFound(index);
                update(index, { code: text });
              }}
              onChoose={(diagnosis) => {
                lookups.current.get(index)?.abort();
                forgetNotFound(index);
                setConfirmed(index, true);
                committedCodes.set(index, diagnosis.code);
                update(index, { code: diagnosis.code, description: titleForFk(diagnosis.title) });
              }}
              onCommit={() => lookUp(index)}
            />
          </PartField>
          <RowField
            part={descriptionPart}
            label="Diagnosbeskrivning"
            rowName={rowName}
            className="complex-kind__field diagnosis-row__description"
            value={row.description}
            disabled={disabled}
            describedBy={joinIds(toConfirm ? confirmId : undefined, rowPart.errorId)}
            onChange={(description) => {
              setConfirmed(index, true);
              update(index, { description });
            }}
            onBlur={() => learnDescription(index)}
          />
        </div>
        <div className="diagnosis-row__confirm">
          <p id={confirmId} role="status" className="diagnosis-row__confirm-text">
            {toConfirm &&
              `Diagnoskoden är ändrad till ${dottedDiagnosisCode(row.code)}. Kontrollera att diagnosbeskrivningen stämmer med den nya koden.`}
          </p>
          {toConfirm && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={disabled}
              onClick={() => {
                setConfirmed(index, true);
                document.getElementById(descriptionPart.id)?.focus();
              }}
            >
              Beskrivningen stämmer
            </button>
          )}
        </div>
      </div>
    );
  });

  return (
    <RowKindRoot root={root} className="diagnoses" hint={SEARCH_HINT}>
      {multipleSystems && (
        <div className="select-field diagnoses__system">
          <label className="label" htmlFor={`${controlId}-system`}>
            Kodverk
          </label>
          <div className="select-field__icon-wrapper">
            <select
              id={`${controlId}-system`}
              className="select-field__select"
              value={chosenSystem}
              disabled={disabled}
              onChange={(event) => {
                const system = event.target.value;
                setChosenSystem(system);
                if (latest.current.length > 0) {
                  write(
                    latest.current.map((row) =>
                      isRowEmpty(row) ? row : { ...row, codeSystem: system },
                    ),
                  );
                }
              }}
            >
              {systems.map((system) => (
                <option key={system} value={system}>
                  {system}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {rowElements}
    </RowKindRoot>
  );
}

export function DiagnosesView({ value }: ViewProps<'diagnoses'>) {
  const parsed = diagnosesValueSchema.safeParse(value);
  const rows = parsed.success ? parsed.data.filter((row) => !isRowEmpty(row)) : [];
  if (rows.length === 0) return <NotAnswered />;
  return (
    <ul className="answer-view answer-view--list">
      {rows.map((row, index) => (
        <li key={`${row.code}-${String(index)}`}>
          <span className="answer-view__code">{row.code}</span> {row.description}
        </li>
      ))}
    </ul>
  );
}
