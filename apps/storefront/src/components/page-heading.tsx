import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A page's h1. It takes the focus when the page opens, so keyboard and screen-reader users land on
 * the new page rather than on the link they followed; it also names the browser tab.
 */
export function PageHeading({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Focus once, when the page opens: a live update of the title must not pull the focus away.
  useEffect(() => ref.current?.focus(), []);
  useEffect(() => {
    document.title = `${title} · Bookstore`;
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-heading">
      {children}
    </h1>
  );
}
