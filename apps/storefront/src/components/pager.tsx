/** Previous / next links of a list, with where the reader is ("Page 2 of 5"). */
export function Pager({
  page,
  limit,
  total,
  hrefFor,
}: {
  page: number;
  limit: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {page > 1 ? (
        <a class="button secondary" href={hrefFor(page - 1)} rel="prev" onClick={focusHeading}>
          Previous page
        </a>
      ) : null}
      <span aria-current="page">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <a class="button secondary" href={hrefFor(page + 1)} rel="next" onClick={focusHeading}>
          Next page
        </a>
      ) : null}
    </nav>
  );
}

/**
 * Another page of the same list keeps the page mounted, so its heading does not take the focus by
 * itself: move it there, as for any navigation (the link just followed may vanish on the last page).
 */
function focusHeading(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
}
