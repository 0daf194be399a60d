import type { ReactNode } from "react";
import { classNames, describedByIds, type TextSize } from "./class-names";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";
import { Label } from "./label";

export interface TextareaProps {
  name: string;
  /** Defaults to name, so an error summary link `#name` lands on the textarea. */
  id?: string;
  label: ReactNode;
  labelSize?: TextSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  defaultValue?: string;
  rows?: number;
  autoComplete?: string;
  spellCheck?: boolean;
  maxLength?: number;
  disabled?: boolean;
  /** The language of what is typed, when it is not the page's (a Welsh name on an English form). */
  lang?: string;
  describedBy?: string;
}

/** A GOV.UK textarea with its label, hint and error message; uncontrolled so it works without JavaScript. */
export function Textarea({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  defaultValue,
  rows = 5,
  autoComplete,
  spellCheck,
  maxLength,
  disabled,
  describedBy,
  lang,
}: TextareaProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={classNames("govuk-form-group", error ? "govuk-form-group--error" : undefined)}>
      <Label htmlFor={id} isPageHeading={isPageHeading} size={labelSize}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <textarea
        className={classNames("govuk-textarea", error ? "govuk-textarea--error" : undefined)}
        id={id}
        name={name}
        rows={rows}
        spellCheck={spellCheck}
        disabled={disabled}
        lang={lang}
        aria-describedby={describedByIds(describedBy, hintId, errorId)}
        autoComplete={autoComplete}
        maxLength={maxLength}
        defaultValue={defaultValue}
      />
    </div>
  );
}
