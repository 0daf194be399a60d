import { describe, expect, it } from "vitest";
import { Pagination, paginationItems } from "~/components/pagination";
import { attr, openingTags, render } from "./render";

const hrefFor = (page: number) => `/services?q=laptop&page=${page}`;

describe("paginationItems", () => {
  it.each([
    [5, 10, [1, "ellipsis", 4, 5, 6, "ellipsis", 10]],
    [1, 10, [1, 2, "ellipsis", 10]],
    [10, 10, [1, "ellipsis", 9, 10]],
    [4, 10, [1, 2, 3, 4, 5, "ellipsis", 10]],
    [7, 10, [1, "ellipsis", 6, 7, 8, 9, 10]],
    [3, 5, [1, 2, 3, 4, 5]],
    [1, 2, [1, 2]],
  ] as const)("page %i of %i", (current, total, expected) => {
    expect(paginationItems(current, total)).toEqual(expected);
  });
});

describe("Pagination", () => {
  it("renders nothing for a single page", () => {
    expect(render(<Pagination currentPage={1} totalPages={1} hrefFor={hrefFor} />)).toBe("");
  });

  it("shows previous, next, ellipses and the current page for page 5 of 10", () => {
    const html = render(<Pagination currentPage={5} totalPages={10} hrefFor={hrefFor} />);
    expect(html.match(/<li class="govuk-pagination__item govuk-pagination__item--ellipsis">⋯<\/li>/g)).toHaveLength(2);
    const current = openingTags(html, "a").filter((tag) => attr(tag, "aria-current") === "page");
    expect(current.map((tag) => attr(tag, "aria-label"))).toEqual(["Page 5"]);
    const prev = openingTags(html, "a").find((tag) => attr(tag, "rel") === "prev");
    const next = openingTags(html, "a").find((tag) => attr(tag, "rel") === "next");
    expect(prev && attr(prev, "href")).toBe("/services?q=laptop&amp;page=4");
    expect(next && attr(next, "href")).toBe("/services?q=laptop&amp;page=6");
    expect(html).toContain('Previous<span class="govuk-visually-hidden"> page</span>');
    expect(attr(openingTags(html, "nav")[0], "aria-label")).toBe("Pagination");
  });

  it("leaves out previous on the first page and next on the last", () => {
    const first = render(<Pagination currentPage={1} totalPages={3} hrefFor={hrefFor} />);
    expect(first).not.toContain("govuk-pagination__prev");
    expect(first).toContain("govuk-pagination__next");
    const last = render(<Pagination currentPage={3} totalPages={3} hrefFor={hrefFor} />);
    expect(last).toContain("govuk-pagination__prev");
    expect(last).not.toContain("govuk-pagination__next");
  });
});
