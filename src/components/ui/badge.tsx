import type { ReactNode } from 'react';

type Props = {
  variant?: 'default' | 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
};

export function Badge({ variant = 'default', children }: Props) {
  return <span className={`badge badge--${variant}`}>{children}</span>;
}
