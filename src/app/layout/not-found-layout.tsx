import { useState } from 'react';
import { readSession } from '../../lib/session-store';
import { AppLayout } from './app-layout';
import { PublicLayout } from './public-layout';

/**
 * The frame of the not-found page: a logged-in user keeps the app's header (who, role,
 * unit, navigation, Logga ut); without a session it is the public frame.
 */
export function NotFoundLayout() {
  const [loggedIn] = useState(() => readSession('care') !== undefined);
  return loggedIn ? <AppLayout /> : <PublicLayout />;
}
