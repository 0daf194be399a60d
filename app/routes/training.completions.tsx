import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/accounts/auth.server";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { ROLE_LABELS } from "~/accounts/policy";
import { managesEveryone } from "~/accounts/user-scope";
import { BackLink } from "~/components/back-link";
import { Pagination } from "~/components/pagination";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { getCompletionsForUsers, getTrainingModules } from "~/knowledge/training.server";
import { listTrainees } from "~/knowledge/training-people.server";
import { formatUkDate } from "~/knowledge/training-view";
import { getDb } from "~/lib/db.server";
import { ScrollRegion } from "~/components/scroll-region";

const querySchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "training:read:area");
  const { page } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const everyone = managesEveryone(user);
  const list = await listTrainees(db, everyone ? { everyone: true } : { areaIds: user.areaIds }, page);
  const core = getTrainingModules().filter((module) => module.core);
  const completions = await getCompletionsForUsers(db, list.trainees.map((t) => t.id), true);
  // Other people's training records are personal data, so each look at them is audited.
  await recordAudit(db, {
    actor: actorFor(user),
    action: "training-completions-viewed",
    recordType: "user",
    detail: { page: list.page, people: list.trainees.length },
    ip: context?.clientIp,
  });
  return {
    everyone,
    modules: core.map((module) => ({ id: module.id, title: module.title })),
    page: list.page,
    totalPages: list.totalPages,
    total: list.total,
    people: list.trainees.map((trainee, index) => {
      const done = new Map(completions[index].completed.map((c) => [c.moduleId, c.passedAt]));
      return {
        id: trainee.id,
        name: trainee.name,
        role: ROLE_LABELS[trainee.role],
        organisation: trainee.organisationName,
        allCore: completions[index].allCoreComplete,
        passed: core.map((module) => {
          const at = done.get(module.id);
          return at ? formatUkDate(at) : null;
        }),
      };
    }),
  };
}

export default function TrainingCompletions() {
  const data = useLoaderData<typeof loader>();
  const href = (page: number) => (page > 1 ? `/training/completions?page=${page}` : "/training/completions");
  return (
    <>
      <BackLink href="/training">All training</BackLink>
      <h1 className="govuk-heading-l">Core training completed</h1>
      <p className="govuk-body">
        {data.everyone ? "Everyone with an active account" : "People with an active account in the areas you coordinate"}, and the date each
        passed each core module.
      </p>
      <p className="govuk-body">{data.total === 1 ? "1 person" : `${data.total} people`}</p>
      {data.people.length > 0 ? (
        <ScrollRegion label="Core training completed">
          <Table
            caption="Core modules passed"
            captionSize="m"
            firstCellIsHeader
            head={[{ text: "Name" }, { text: "Role and organisation" }, ...data.modules.map((m) => ({ text: m.title })), { text: "All core" }]}
            rows={data.people.map((person) => [
              person.name,
              `${person.role}, ${person.organisation}`,
              ...person.passed.map((date) => date ?? "Not yet"),
              person.allCore ? <Tag key="all" colour="green">Complete</Tag> : <Tag key="all" colour="grey">Not complete</Tag>,
            ])}
          />
        </ScrollRegion>
      ) : (
        <p className="govuk-body">There is nobody in your areas yet.</p>
      )}
      <Pagination currentPage={data.page} totalPages={data.totalPages} hrefFor={href} landmarkLabel="Pages of people" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Core training completed – Training – Waymark" }];
