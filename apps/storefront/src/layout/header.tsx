import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { describeError } from '../api/api-error';
import { useCart } from '../cart/cart-context';
import { useLive } from '../live/live-context';
import { useSession } from '../session/session-context';
import { NavLink } from './nav-link';
import { useToasts } from './toasts';

/** The site header: the store's name and the main navigation, with the cart and unread counts. */
export function Header() {
  const { route } = useLocation();
  const session = useSession();
  const cart = useCart();
  const live = useLive();
  const toasts = useToasts();
  const [open, setOpen] = useState(false);

  const logout = async () => {
    try {
      await session.logout();
      toasts.info('You are logged out.');
    } catch (error) {
      toasts.error(describeError(error));
    }
    route('/');
  };

  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <a class="brand" href="/">
        Bookstore
      </a>
      <button
        type="button"
        class="menu-toggle"
        aria-expanded={open}
        aria-controls="site-nav"
        onClick={() => setOpen(!open)}
      >
        Menu
      </button>
      <nav id="site-nav" aria-label="Main" class={open ? 'open' : ''} onClick={() => setOpen(false)}>
        <ul>
          <NavLink href="/">Books</NavLink>
          <NavLink href="/cart">
            Cart <Count value={cart.count} label="items" />
          </NavLink>
          {session.user && (
            <>
              <NavLink href="/orders">Orders</NavLink>
              <NavLink href="/notifications">
                Notifications <Count value={live.unread} label="unread" />
              </NavLink>
            </>
          )}
          {session.isAdmin && <NavLink href="/staff">Staff</NavLink>}
          {session.user ? (
            <li class="session">
              <span class="muted small" title={session.user.email}>
                {session.user.name}
              </span>
              <button type="button" class="link-button" onClick={logout}>
                Log out
              </button>
            </li>
          ) : (
            session.state.status === 'anonymous' && (
              <>
                <NavLink href="/login">Log in</NavLink>
                <NavLink href="/register">Register</NavLink>
              </>
            )
          )}
        </ul>
      </nav>
    </header>
  );
}

/** A count shown as a badge; screen readers hear it with its unit ("Cart, 2 items"). */
function Count({ value, label }: { value: number; label: string }) {
  return (
    <>
      <span class="badge" aria-hidden="true">
        {value}
      </span>
      <span class="visually-hidden">
        , {value} {label}
      </span>
    </>
  );
}
