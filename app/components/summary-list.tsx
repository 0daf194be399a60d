import type { ReactNode } from "react";
import { classNames } from "./class-names";

export interface SummaryListAction {
  href: string;
  text: ReactNode;
  /** Completes the link text for screen readers, e.g. "name" in "Change name". */
  visuallyHiddenText?: string;
}

export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryListAction[];
}

interface SummaryListProps {
  rows: SummaryListRow[];
  noBorder?: boolean;
}

/** A GOV.UK summary list of key/value rows, e.g. for check-your-answers pages. */
export function SummaryList({ rows, noBorder = false }: SummaryListProps) {
  const anyRowHasActions = rows.some((row) => (row.actions?.length ?? 0) > 0);
  return (
    <dl className={classNames("govuk-summary-list", noBorder && "govuk-summary-list--no-border")}>
      {rows.map((row, index) => {
        const actions = row.actions ?? [];
        return (
          <div
            key={index}
            className={classNames(
              "govuk-summary-list__row",
              anyRowHasActions && actions.length === 0 && "govuk-summary-list__row--no-actions",
            )}
          >
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value">{row.value}</dd>
            {actions.length > 0 ? (
              <dd className="govuk-summary-list__actions">
                {actions.length === 1 ? (
                  <ActionLink action={actions[0]} />
                ) : (
                  <ul className="govuk-summary-list__actions-list">
                    {actions.map((action) => (
                      <li key={action.href} className="govuk-summary-list__actions-list-item">
                        <ActionLink action={action} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}

function ActionLink({ action }: { action: SummaryListAction }) {
  return (
    <a className="govuk-link" href={action.href}>
      {action.text}
      {action.visuallyHiddenText ? <span className="govuk-visually-hidden"> {action.visuallyHiddenText}</span> : null}
    </a>
  );
}
