import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { ModuleStatusTag } from "~/knowledge/module-status-tag";
import { getLearningRecord } from "~/knowledge/training.server";
import { formatUkDate, moduleStatus } from "~/knowledge/training-view";
import { getDb } from "~/lib/db.server";
import { ScrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "training:take");
  const record = await getLearningRecord(getDb(), user.id);
  return {
    name: user.name,
    coreTotal: record.filter((r) => r.core).length,
    corePassed: record.filter((r) => r.core && r.passedAt).length,
    modules: record.map((r) => ({
      id: r.moduleId,
      title: r.title,
      core: r.core,
      status: moduleStatus(r),
      lessons: `${r.lessonsRead.length} of ${r.lessonsTotal}`,
      bestScore: r.bestScore === null ? "Not taken" : `${r.bestScore}%`,
      attempts: r.attempts,
      passedOn: r.passedAt ? formatUkDate(r.passedAt) : "Not yet",
    })),
  };
}

export default function LearningRecord() {
  const { name, modules, coreTotal, corePassed } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/training">All training</BackLink>
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Your learning record</h1>
      <p className="govuk-body">
        You have passed {corePassed} of {coreTotal} core modules.
        {corePassed === coreTotal ? " You have completed all the core training." : ""}
      </p>
      <ScrollRegion label="Learning record">
        <Table
          caption="Modules"
          captionSize="m"
          firstCellIsHeader
          head={[
            { text: "Module" },
            { text: "Status" },
            { text: "Lessons read" },
            { text: "Best score", numeric: true },
            { text: "Attempts", numeric: true },
            { text: "Passed on" },
          ]}
          rows={modules.map((m) => [
            <span key="title">
              <a className="govuk-link" href={`/training/${m.id}`}>
                {m.title}
              </a>
              {m.core ? (
                <>
                  {" "}
                  <Tag colour="blue">Core</Tag>
                </>
              ) : null}
            </span>,
            <ModuleStatusTag key="status" status={m.status} />,
            m.lessons,
            m.bestScore,
            m.attempts,
            m.passedOn,
          ])}
        />
      </ScrollRegion>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Your learning record – Training – Waymark" }];
