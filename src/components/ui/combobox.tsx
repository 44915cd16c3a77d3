import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './combobox.css';
import { countText } from '../../language/swedish';

const SEARCH_DELAY_MS = 150;

function hitsText(count: number): string {
  if (count === 0) return 'Inga träffar';
  return countText(count, 'träff', 'träffar');
}

type Props<T> = {
  /** The input's id (also the base of the list's and options' ids). */
  id: string;
  /** The input's accessible name. */
  label: string;
  /** The listbox's accessible name, e.g. "Sökträffar, Diagnos 1". */
  listLabel: string;
  value: string;
  disabled: boolean;
  invalid: true | undefined;
  describedBy: string | undefined;
  /** Finds options for the typed text (called after a short pause; aborted when outdated). */
  search: (query: string, signal: AbortSignal) => Promise<T[]>;
  /** At most this many results are shown (all that the search gives when not set). */
  maxResults?: number;
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  /** Said when the search fails. */
  searchFailedText: string;
  onType: (text: string) => void;
  onChoose: (option: T) => void;
  /** The user left the field (not by choosing an option). */
  onCommit: () => void;
  size?: number;
  className?: string;
};

/**
 * A WAI-ARIA 1.2 combobox with a list popup, for search as you type. Typing searches after a
 * short pause; arrows move through the results, Enter chooses, Escape closes. Focus stays in
 * the input; the highlighted option is its aria-activedescendant. The number of hits is
 * announced in a polite status.
 */
export function Combobox<T>({
  id,
  label,
  listLabel,
  value,
  disabled,
  invalid,
  describedBy,
  search,
  maxResults,
  optionKey,
  renderOption,
  searchFailedText,
  onType,
  onChoose,
  onCommit,
  size = 10,
  className = '',
}: Props<T>) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [results, setResults] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${String(index)}`;
  // The latest search, without re-running the effect when a caller passes a new function.
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  });

  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchRef.current(query, controller.signal).then(
        (found) => {
          if (controller.signal.aborted) return;
          const shown = maxResults === undefined ? found : found.slice(0, maxResults);
          setResults(shown);
          setActive(-1);
          setOpen(shown.length > 0 && document.activeElement === inputRef.current);
          setStatus(hitsText(shown.length));
        },
        () => {
          if (controller.signal.aborted) return;
          setResults([]);
          setOpen(false);
          setStatus(searchFailedText);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, maxResults, searchFailedText]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const choose = (option: T) => {
    setQuery(null);
    setResults([]);
    setStatus('');
    close();
    onChoose(option);
  };
  const expanded = open && results.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = results.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(event.altKey ? -1 : 0);
        } else {
          setActive((active + 1) % count);
        }
        return;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive(active <= 0 ? count - 1 : active - 1);
        return;
      case 'Enter': {
        const highlighted = expanded ? results[active] : undefined;
        if (highlighted === undefined) return;
        event.preventDefault();
        choose(highlighted);
        return;
      }
      case 'Escape':
        if (!expanded) return;
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      default:
        return;
    }
  };

  return (
    <div className={`search-combobox ${className}`}>
      <div className="text-field__input-wrapper">
        <input
          ref={inputRef}
          id={id}
          className="text-field__input search-combobox__input"
          type="text"
          role="combobox"
          aria-label={label}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          size={size}
          value={value}
          disabled={disabled}
          onChange={(event) => {
            const text = event.target.value;
            onType(text);
            if (text.trim() === '') {
              setQuery(null);
              setResults([]);
              setStatus('');
              close();
            } else {
              setQuery(text.trim());
            }
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setQuery(null);
            setStatus('');
            close();
            onCommit();
          }}
        />
      </div>
      <div
        id={listboxId}
        role="listbox"
        aria-label={listLabel}
        className="search-combobox__popup combobox__listbox__list"
        hidden={!expanded}
      >
        {expanded &&
          results.map((result, index) => (
            <div
              key={optionKey(result)}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Not in the tab order: focus stays in the input (aria-activedescendant).
              tabIndex={-1}
              className={`combobox__listbox__option${index === active ? ' combobox__listbox__option--highlight' : ''}`}
              // mousedown, not click: the input keeps focus, so its blur does not close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(result);
              }}
            >
              {renderOption(result)}
            </div>
          ))}
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
