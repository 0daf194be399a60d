import type { ReactNode } from "react";
import { classNames, describedByIds, type TextSize } from "./class-names";
import { ErrorMessage } from "./error-message";
import { Fieldset } from "./fieldset";
import { Hint } from "./hint";

/** A line such as "or" between options. */
export interface ChoiceDivider {
  divider: string;
}

/** Props shared by Radios and Checkboxes. */
export interface ChoiceGroupProps {
  name: string;
  /** Prefix for option ids; defaults to name. The first option's id is the prefix itself. */
  idPrefix?: string;
  /** Without a legend there is no fieldset, as in govuk-frontend. */
  legend?: ReactNode;
  legendSize?: TextSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  describedBy?: string;
  small?: boolean;
}

export function isDivider<T extends object>(item: T | ChoiceDivider): item is ChoiceDivider {
  return "divider" in item;
}

/**
 * govuk-frontend numbers options by position, dividers included, and leaves the first one
 * unnumbered so an error summary link to `#idPrefix` focuses it.
 */
export function choiceItemId(idPrefix: string, position: number): string {
  return position === 1 ? idPrefix : `${idPrefix}-${position}`;
}

interface ChoiceGroupShellProps extends ChoiceGroupProps {
  idPrefix: string;
  /** Fieldset-less groups need the hint and error ids on each input instead. */
  children: (groupDescribedBy: string | undefined) => ReactNode;
}

/** The form group, fieldset, hint and error message around a list of radios or checkboxes. */
export function ChoiceGroupShell({
  idPrefix,
  legend,
  legendSize,
  isPageHeading,
  hint,
  error,
  describedBy,
  children,
}: ChoiceGroupShellProps) {
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;
  const groupDescribedBy = describedByIds(describedBy, hintId, errorId);
  const inner = (
    <>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      {children(legend ? undefined : groupDescribedBy)}
    </>
  );
  return (
    <div className={classNames("govuk-form-group", error ? "govuk-form-group--error" : undefined)}>
      {legend ? (
        <Fieldset legend={legend} size={legendSize} isPageHeading={isPageHeading} describedBy={groupDescribedBy}>
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  );
}
