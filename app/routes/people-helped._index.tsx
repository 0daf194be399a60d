import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/accounts/auth.server";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { Pagination } from "~/components/pagination";
import { Table } from "~/components/table";
import { listPeopleHelped } from "~/knowledge/people-helped.server";
import { formatLongDate } from "~/knowledge/browse";
import { getDb } from "~/lib/db.server";
import { BARRIERS, labelFor } from "~/lib/frameworks";
import { ScrollRegion } from "~/components/scroll-region";

const PAGE_SIZE = 20;
// Far enough back for any real log; stops a hand-typed page number asking for millions of rows.
const MAX_PAGE = 500;

const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
  logged: z.literal("1").optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people-helped:log");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // One more row than the page shows says whether there is an older page.
  const rows = await listPeopleHelped(getDb(), { userId: user.id, limit: query.page * PAGE_SIZE + 1 });
  const start = (query.page - 1) * PAGE_SIZE;
  const entries = rows.slice(start, start + PAGE_SIZE);
  return {
    logged: query.logged === "1",
    page: query.page,
    totalPages: rows.length > query.page * PAGE_SIZE ? query.page + 1 : Math.max(1, Math.ceil(rows.length / PAGE_SIZE)),
    entries: entries.map((entry) => ({
      id: entry.id,
      date: formatLongDate(entry.helpedOn),
      place: entry.place,
      outwardCode: entry.outwardCode,
      barriers: entry.barriers.map((id) => labelFor(BARRIERS, id)),
      whatHelped: entry.whatHelped,
      minutes: entry.minutes,
    })),
  };
}

export default function PeopleHelped() {
  const { logged, entries, page, totalPages } = useLoaderData<typeof loader>();
  return (
    <>
      {logged ? <NotificationBanner type="success" heading="Saved. Thank you for logging the help you gave." /> : null}
      <h1 className="govuk-heading-l">People you have helped</h1>
      <p className="govuk-body">A quick, anonymous note each time you help someone shows the partnership where help is needed and what works.</p>
      <Button href="/people-helped/new">Log someone you helped</Button>
      {entries.length > 0 ? (
        <ScrollRegion label="Your recent log">
          <Table
            caption="Your recent log"
            captionSize="m"
            firstCellIsHeader
            head={[{ text: "Date" }, { text: "Place" }, { text: "Barriers seen" }, { text: "What helped" }, { text: "Minutes", numeric: true }]}
            rows={entries.map((entry) => [
              entry.date,
              entry.outwardCode ? `${entry.place} (${entry.outwardCode})` : entry.place,
              entry.barriers.join(", ") || "None noted",
              entry.whatHelped || "Not noted",
              entry.minutes,
            ])}
          />
        </ScrollRegion>
      ) : (
        <p className="govuk-body">{page > 1 ? "There is nothing on this page." : "You have not logged anyone yet."}</p>
      )}
      <Pagination
        currentPage={page}
        totalPages={totalPages}
        hrefFor={(p) => (p > 1 ? `/people-helped?page=${p}` : "/people-helped")}
        landmarkLabel="Pages of your log"
      />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "People you have helped – Waymark" }];
