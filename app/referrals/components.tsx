/**
 * Pieces the referral pages share: the frame of a question page, the status tag and the timeline.
 * Kept beside the referral domain because nothing else uses them.
 */
import type { ReactNode } from "react";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Tag, type TagColour } from "~/components/tag";
import { formatDateTime } from "~/accounts/format";
import type { ReferralStatus } from "~db/schema/referrals";
import { STATUS_LABELS } from "./status-machine";

export function StepPage({ back, errors, children }: { back?: string; errors?: Record<string, string>; children: ReactNode }) {
  return (
    <>
      {back ? <BackLink href={back} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errorSummaryItems(errors ?? {})} />
          {children}
        </div>
      </div>
    </>
  );
}

/** Carries "came from check answers" through a POST, so saving goes back there. */
export function ReturnToCheck({ on }: { on: boolean }) {
  return on ? <input type="hidden" name="returnTo" value="check" /> : null;
}

const STATUS_COLOURS: Record<ReferralStatus, TagColour> = {
  new: "grey",
  sent: "blue",
  accepted: "turquoise",
  declined: "red",
  contacted: "light-blue",
  "couldnt-contact": "orange",
  attended: "green",
  "did-not-attend": "orange",
  outcome: "green",
  closed: "grey",
  withdrawn: "grey",
};

export function StatusTag({ status }: { status: ReferralStatus }) {
  return <Tag colour={STATUS_COLOURS[status]}>{STATUS_LABELS[status]}</Tag>;
}

export interface TimelineEntry {
  id: string;
  at: string;
  from: ReferralStatus | null;
  to: ReferralStatus;
  by: string;
  note: string | null;
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="app-referral-timeline">
      {entries.map((entry) => (
        <li key={entry.id} className="app-referral-timeline__item">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
            {entry.from ? `${STATUS_LABELS[entry.from]} → ${STATUS_LABELS[entry.to]}` : "Referral made"}
          </h3>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> by {entry.by}
          </p>
          {entry.note ? <p className="govuk-body app-referral-note">{entry.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
