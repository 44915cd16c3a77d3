import type { ReactNode } from 'react';

type Variant = 'info' | 'success' | 'warning' | 'error';

type Props = {
  variant: Variant;
  heading?: string;
  headingLevel?: 2 | 3;
  /** 'alert' announces at once (errors the user must act on); 'status' waits politely. */
  live?: 'alert' | 'status';
  children?: ReactNode;
};

/** FKUI's message box. */
export function MessageBox({ variant, heading, headingLevel = 2, live, children }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={`message-box message-box--${variant}`} role={live}>
      <div className="message-box__content">
        {heading !== undefined && <Heading className="message-box__heading">{heading}</Heading>}
        {children}
      </div>
    </div>
  );
}
