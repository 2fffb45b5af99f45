import { useLocation } from 'preact-iso';

const SECTIONS = [
  { href: '/staff/books', label: 'Books' },
  { href: '/staff/orders', label: 'Orders' },
  { href: '/staff/dead-letters', label: 'Dead letters' },
] as const;

/** The staff sections, the current one marked. */
export function StaffNav() {
  const { path } = useLocation();
  return (
    <nav class="staff-nav" aria-label="Staff sections">
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <a href={section.href} aria-current={path.startsWith(section.href) ? 'page' : undefined}>
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
