import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';

/**
 * One entry of the main navigation, marked `aria-current="page"` while the reader is in its part
 * of the site (a book's page counts as the catalog's), so screen readers announce where they are.
 */
export function NavLink({ href, children }: { href: string; children: ComponentChildren }) {
  const { path } = useLocation();
  const here = href === '/' ? path === '/' || path.startsWith('/books') : path.startsWith(href);
  return (
    <li>
      <a href={href} aria-current={here ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}
