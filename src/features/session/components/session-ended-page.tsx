import { useEffect, useRef } from 'react';
import { Link } from 'react-router';

type Props = {
  reason: 'logged-out' | 'expired';
  loginPath: string;
  /** The router state "Logga in igen" carries to the log-in (where to go after it). */
  loginState?: unknown;
};

const texts = {
  'logged-out': {
    heading: 'Du är utloggad',
    body: 'Du har loggat ut från Intyga. Stäng webbläsaren om du använder en delad dator.',
  },
  expired: {
    heading: 'Du har blivit utloggad',
    body: 'Du loggades ut automatiskt, antingen för att du inte har varit aktiv på en stund eller för att det har gått 12 timmar sedan du loggade in. Det du sparat finns kvar. Logga in igen för att fortsätta.',
  },
} as const;

export function SessionEndedPage({ reason, loginPath, loginState }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const { heading, body } = texts[reason];
  return (
    <div className="session-ended">
      <h1 ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      <p>{body}</p>
      <p>
        <Link className="button button--primary" to={loginPath} state={loginState}>
          Logga in igen
        </Link>
      </p>
    </div>
  );
}
