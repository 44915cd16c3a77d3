import { NavLink } from 'react-router';
import { paths } from '../../../config/paths';
import { useMyDetails } from '../api/my-details';

type Props = { className: (state: { isActive: boolean }) => string };

/**
 * The menu's "Mina uppgifter", for a physician who registered their own practice. The backend
 * answers the details only to them, so the item shows only when it does.
 */
export function MyDetailsNavItem({ className }: Props) {
  const details = useMyDetails();
  if (!details.isSuccess) return null;
  return (
    <li>
      <NavLink className={className} to={paths.myDetails}>
        Mina uppgifter
      </NavLink>
    </li>
  );
}
