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
        <a class="button secondary" href={hrefFor(page - 1)} rel="prev">
          Previous page
        </a>
      ) : null}
      <span aria-current="page">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <a class="button secondary" href={hrefFor(page + 1)} rel="next">
          Next page
        </a>
      ) : null}
    </nav>
  );
}
