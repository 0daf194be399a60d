export type PageItem = number | "ellipsis";

/**
 * The page numbers to show, as the GOV.UK pattern asks: the first and last pages, the current
 * page and its neighbours, and an ellipsis for each run of two or more skipped pages (a single
 * skipped page is shown instead, since an ellipsis would take the same room).
 */
export function paginationItems(currentPage: number, totalPages: number): PageItem[] {
  const items: PageItem[] = [];
  for (let page = 1; page <= totalPages; page++) {
    const isEdge = page === 1 || page === totalPages;
    const isNearCurrent = Math.abs(page - currentPage) <= 1;
    const bridgesOneGap =
      (page === 2 && currentPage - 1 === 3) || (page === totalPages - 1 && currentPage + 1 === totalPages - 2);
    if (isEdge || isNearCurrent || bridgesOneGap) {
      items.push(page);
    } else if (items[items.length - 1] !== "ellipsis") {
      items.push("ellipsis");
    }
  }
  return items;
}

interface PaginationProps {
  currentPage: number;
  totalPages: number;
  hrefFor: (page: number) => string;
  landmarkLabel?: string;
  /** The words in another language: "Previous", "Next", "page" said only to screen readers, "Page {{number}}". */
  words?: { previous: string; next: string; hiddenPage: string; page: string };
}

const ENGLISH = { previous: "Previous", next: "Next", hiddenPage: "page", page: "Page {{number}}" };

const previousArrow = (
  <svg
    className="govuk-pagination__icon govuk-pagination__icon--prev"
    xmlns="http://www.w3.org/2000/svg"
    height="13"
    width="15"
    aria-hidden="true"
    focusable="false"
    viewBox="0 0 15 13"
  >
    <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
  </svg>
);

const nextArrow = (
  <svg
    className="govuk-pagination__icon govuk-pagination__icon--next"
    xmlns="http://www.w3.org/2000/svg"
    height="13"
    width="15"
    aria-hidden="true"
    focusable="false"
    viewBox="0 0 15 13"
  >
    <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
  </svg>
);

/** GOV.UK pagination with previous/next links and numbered pages; nothing when there is one page. */
export function Pagination({ currentPage, totalPages, hrefFor, landmarkLabel = "Pagination", words = ENGLISH }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={landmarkLabel}>
      {currentPage > 1 ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={hrefFor(currentPage - 1)} rel="prev">
            {previousArrow}
            <span className="govuk-pagination__link-title">
              {words.previous}
              {words.hiddenPage ? <span className="govuk-visually-hidden">{` ${words.hiddenPage}`}</span> : null}
            </span>
          </a>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {paginationItems(currentPage, totalPages).map((item, index) =>
          item === "ellipsis" ? (
            <li key={`ellipsis-${index}`} className="govuk-pagination__item govuk-pagination__item--ellipsis">
              {"\u22EF"}
            </li>
          ) : (
            <li
              key={item}
              className={
                item === currentPage ? "govuk-pagination__item govuk-pagination__item--current" : "govuk-pagination__item"
              }
            >
              <a
                className="govuk-link govuk-pagination__link"
                href={hrefFor(item)}
                aria-label={words.page.replace("{{number}}", String(item))}
                aria-current={item === currentPage ? "page" : undefined}
              >
                {item}
              </a>
            </li>
          ),
        )}
      </ul>
      {currentPage < totalPages ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={hrefFor(currentPage + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              {words.next}
              {words.hiddenPage ? <span className="govuk-visually-hidden">{` ${words.hiddenPage}`}</span> : null}
            </span>
            {nextArrow}
          </a>
        </div>
      ) : null}
    </nav>
  );
}
