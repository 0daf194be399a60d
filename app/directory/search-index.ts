/**
 * Directory search, the public face: build the index once from every published service, keep
 * it in memory, change it one listing at a time when a listing is saved, and search it per
 * request. How it is held is in search-store.ts, word matching with typos in search-text.ts,
 * and filtering, ranking and paging in search-query.ts.
 */
export {
  ATTENDING_MODES,
  FIELD_WEIGHTS,
  type AttendingMode,
  type SearchDocument,
  type SearchIndex,
  type SearchLocation,
  buildSearchIndex,
  offeredLanguages,
  removeDocument,
  updateDocument,
} from "./search-store";
export {
  LOCAL_REACH_KM,
  SEARCH_PAGE_SIZE,
  type SearchQuery,
  type SearchResultItem,
  type SearchResultPage,
  searchServices,
} from "./search-query";
