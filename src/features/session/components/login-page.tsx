import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../../config/paths';
import { LoginChoices } from '../../../components/ui/login-choices';
import { useLoginOptions } from '../api/get-login-options';
import { useLogin } from '../api/login';

type Props = { afterLogin: string };

/**
 * The start page: like a test identity provider, it lists the people who may log in, each
 * once, with their role and care units.
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
      <LoginChoices
        label="Användare"
        loadingLabel="Hämtar användare…"
        choices={options.data?.options.map(({ user, units }) => ({
          key: user.id,
          name: user.name,
          details: [user.title, ...units.map((unit) => unit.name)],
          // With several units, the log-in ends with the choice of unit, on the way there.
          choose: () =>
            login.mutate(
              { userId: user.id },
              { onSuccess: () => void navigate(afterLogin, { replace: true }) },
            ),
        }))}
        loadError={
          options.isError
            ? { message: options.error.message, retry: () => void options.refetch() }
            : undefined
        }
        loginError={login.isError ? login.error.message : undefined}
        busy={login.isPending}
      />
      <p>
        Har du inget konto? <Link to={paths.registration}>Registrera dig som privatläkare</Link>
      </p>
    </div>
  );
}
