import { useEffect, useRef } from 'react';

type Props = { heading: string; intro: string; emptyText: string };

/** A work list's page. The lists are filled by the certificate lifecycle and the inbox. */
export function WorkListPage({ heading, intro, emptyText }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="work-list">
      <h1 ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      <p>{intro}</p>
      <p className="work-list__empty">{emptyText}</p>
    </div>
  );
}

export function InboxPage() {
  return (
    <WorkListPage
      heading="Ej hanterade ärenden"
      intro="Här visas frågor och kompletteringsbegäranden från Försäkringskassan som väntar på svar på din vårdenhet."
      emptyText="Det finns inga ej hanterade ärenden."
    />
  );
}
