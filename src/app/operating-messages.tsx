import { lazy, Suspense, useRef } from 'react';

const OperatingMessageList = lazy(async () => ({
  default: (await import('./operating-message-list')).OperatingMessageList,
}));

/**
 * The operator's messages on every page: a live region that is always there (above the
 * router, so it stays while the user moves between pages), and the messages in it, whose code
 * loads apart from the first visit's JS (./operating-message-list.tsx).
 */
export function OperatingMessages() {
  const region = useRef<HTMLDivElement>(null);
  return (
    <div ref={region} className="operating-messages" role="status" aria-label="Driftmeddelanden">
      <Suspense fallback={null}>
        <OperatingMessageList region={region} />
      </Suspense>
    </div>
  );
}
