import type { HTMLAttributes, ReactNode } from "react";
import { classNames, describedByIds, type TextSize } from "./class-names";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";
import { Label } from "./label";

/** Fixed character widths become govuk-input--width-N; fluid widths use the govuk-!-width-* overrides. */
export type InputWidth =
  | "30"
  | "20"
  | "10"
  | "5"
  | "4"
  | "3"
  | "2"
  | "full"
  | "three-quarters"
  | "two-thirds"
  | "one-half"
  | "one-third"
  | "one-quarter";

export interface InputProps {
  name: string;
  /** Defaults to name, so an error summary link `#name` lands on the input. */
  id?: string;
  label: ReactNode;
  labelSize?: TextSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  autoCapitalize?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  spellCheck?: boolean;
  pattern?: string;
  width?: InputWidth;
  prefix?: string;
  suffix?: string;
  maxLength?: number;
  disabled?: boolean;
  /** The language of what is typed, when it is not the page's (a Welsh name on an English form). */
  lang?: string;
  /** Ids of other elements describing the input, placed before the hint and error ids. */
  describedBy?: string;
}

/** Width modifier class for an input, or undefined for the default full width. */
export function inputWidthClass(width: InputWidth | undefined): string | undefined {
  if (width === undefined) return undefined;
  return /^\d+$/.test(width) ? `govuk-input--width-${width}` : `govuk-!-width-${width}`;
}

/** A GOV.UK text input with its label, hint and error message; uncontrolled so it works without JavaScript. */
export function Input({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  type = "text",
  defaultValue,
  autoComplete,
  autoCapitalize,
  inputMode,
  spellCheck,
  pattern,
  width,
  prefix,
  suffix,
  maxLength,
  disabled,
  describedBy,
  lang,
}: InputProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const input = (
    <input
      className={classNames("govuk-input", inputWidthClass(width), error ? "govuk-input--error" : undefined)}
      id={id}
      name={name}
      type={type}
      spellCheck={spellCheck}
      defaultValue={defaultValue}
      disabled={disabled}
      lang={lang}
      aria-describedby={describedByIds(describedBy, hintId, errorId)}
      autoComplete={autoComplete}
      autoCapitalize={autoCapitalize}
      pattern={pattern}
      inputMode={inputMode}
      maxLength={maxLength}
    />
  );
  return (
    <div className={classNames("govuk-form-group", error ? "govuk-form-group--error" : undefined)}>
      <Label htmlFor={id} isPageHeading={isPageHeading} size={labelSize}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
