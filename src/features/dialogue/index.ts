// The dialogue with Försäkringskassan on a certificate's page, loaded lazily beside it.
export { DialoguePanel } from './components/dialogue-panel';
