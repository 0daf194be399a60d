/** The Open Referral UK 3.0 paged envelope that every list endpoint returns. */

export const ORUK_DEFAULT_PER_PAGE = 50;
export const ORUK_MAX_PER_PAGE = 200;

export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  /** Items per page, as requested: the spec's examples use it that way rather than the count on this page. */
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export interface Paging {
  page: number;
  perPage: number;
}

/** Offset of a page's first item; pages count from 1. */
export function pageOffset({ page, perPage }: Paging): number {
  return (page - 1) * perPage;
}

/** A page past the end is valid and empty, so a client looping "until last_page" always stops. */
export function orukPage<T>(contents: T[], totalItems: number, { page, perPage }: Paging): OrukPage<T> {
  const totalPages = Math.ceil(totalItems / perPage);
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: page,
    size: perPage,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
