import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { MessageBox } from '../../../components/ui/message-box';
import { Loading } from '../../../components/ui/loading';
import { useLoginOptions } from '../api/get-login-options';
import { useLogin } from '../api/login';

type Props = { afterLogin: string };

/**
 * The start page: like a test identity provider, it lists the people who may log in,
 * with their role and care unit.
 */
export function LoginPage({ afterLogin }: Props) {
  const options = useLoginOptions();
  const login = useLogin();
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="login-page">
      <h1 ref={headingRef} tabIndex={-1}>
        Logga in i Intyga
      </h1>
      <p>
        Välj vem du vill logga in som. Det här är en testinloggning: i drift loggar du in med
        e-legitimation eller SITHS-kort.
      </p>
      {options.isPending && <Loading label="Hämtar användare…" />}
      {options.isError && (
        <MessageBox variant="error" heading="Inloggningen kunde inte visas" live="alert">
          <p>{options.error.message}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void options.refetch()}
          >
            Försök igen
          </button>
        </MessageBox>
      )}
      {login.isError && (
        <MessageBox variant="error" heading="Inloggningen misslyckades" live="alert">
          <p>{login.error.message}</p>
        </MessageBox>
      )}
      {options.isSuccess && (
        <ul className="login-options" aria-label="Användare">
          {options.data.options.map(({ user, unit }) => (
            <li key={`${user.id}-${unit.hsaId}`}>
              <button
                type="button"
                className="login-option"
                disabled={login.isPending}
                onClick={() =>
                  login.mutate(
                    { userId: user.id, unitHsaId: unit.hsaId },
                    { onSuccess: () => void navigate(afterLogin) },
                  )
                }
              >
                <span className="login-option__name">{user.name}</span>
                <span className="login-option__detail">{user.title}</span>
                <span className="login-option__detail">{unit.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
