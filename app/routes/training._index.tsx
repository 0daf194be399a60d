import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";
import { Tag } from "~/components/tag";
import { getLearningRecord, getTrainingModules } from "~/knowledge/training.server";
import { ModuleStatusTag } from "~/knowledge/module-status-tag";
import { bestScoreText, lessonsReadText, moduleStatus } from "~/knowledge/training-view";
import { PASS_MARK_PERCENT } from "~/knowledge/training";
import { getDb } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "training:take");
  const modules = getTrainingModules();
  const record = await getLearningRecord(getDb(), user.id, modules);
  return {
    canSeeCompletions: can(user.role, "training:read:area"),
    modules: modules.map((module, index) => {
      const mine = record[index];
      return {
        id: module.id,
        title: module.title,
        summary: module.summary,
        core: module.core,
        minutes: module.estimatedMinutes,
        status: moduleStatus(mine),
        lessonsRead: lessonsReadText(mine),
        bestScore: bestScoreText(mine),
      };
    }),
  };
}

export default function Training() {
  const { modules, canSeeCompletions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Training</h1>
      <p className="govuk-body-l">Short modules for Digital Champions and staff. Each has a few lessons and a quiz.</p>
      <p className="govuk-body">
        You pass a module by scoring {PASS_MARK_PERCENT}% or more in its quiz. You can take a quiz as many times as you like. Modules marked
        “Core” are the ones every champion should complete.
      </p>
      <ul className="govuk-list app-modules">
        {modules.map((module) => (
          <li key={module.id} className="app-modules__item">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
              <a className="govuk-link" href={`/training/${module.id}`}>
                {module.title}
              </a>
            </h2>
            <p className="govuk-body govuk-!-margin-bottom-2">
              {module.core ? (
                <>
                  <Tag colour="blue">Core</Tag>{" "}
                </>
              ) : null}
              <ModuleStatusTag status={module.status} />
            </p>
            <p className="govuk-body">{module.summary}</p>
            <p className="app-meta">
              About {module.minutes} minutes · {module.lessonsRead} · {module.bestScore}
            </p>
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">Your progress</h2>
      <ul className="govuk-list app-link-list">
        <li>
          <a className="govuk-link" href="/training/record">
            See your learning record
          </a>
        </li>
        {canSeeCompletions ? (
          <li>
            <a className="govuk-link" href="/training/completions">
              See who has completed the core modules
            </a>
          </li>
        ) : null}
      </ul>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Training – Waymark" }];
