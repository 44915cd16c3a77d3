export { LoginPage } from './components/login-page';
export { SessionHeader } from './components/session-header';
export { SessionEndedPage } from './components/session-ended-page';
export { IdleSessionGuard } from './components/idle-session-guard';
export { useSession, sessionQuery } from './api/get-session';
export { useLogout } from './api/logout';
export { recordSessionActivity } from './session-activity';
export { CareUnitPage } from './components/care-unit-page';
export { useCareUnitFromOtherTabs, isUnitNotChosen } from './care-unit-tabs';
