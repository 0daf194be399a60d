/**
 * HTTP responses for the open data files. Open data is for anyone, from any site, so CORS is
 * open; each file is built from the live database, so caches are told to check back.
 */
const COMMON_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "no-cache",
  "X-Content-Type-Options": "nosniff",
};

/** A CSV download; `header=present` tells readers the first line names the columns (RFC 4180). */
export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      ...COMMON_HEADERS,
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}

export function jsonDownload(body: unknown, filename: string): Response {
  return new Response(JSON.stringify(body), {
    headers: {
      ...COMMON_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}
