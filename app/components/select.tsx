import type { ReactNode } from "react";
import { classNames, describedByIds, type TextSize } from "./class-names";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";
import { Label } from "./label";

export interface SelectItem {
  value: string;
  text: string;
  disabled?: boolean;
  /** When the option's text is in another language than the page, such as a language's own name. */
  lang?: string;
}

export interface SelectProps {
  name: string;
  /** Defaults to name, so an error summary link `#name` lands on the select. */
  id?: string;
  label: ReactNode;
  labelSize?: TextSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  items: SelectItem[];
  defaultValue?: string;
  disabled?: boolean;
  describedBy?: string;
}

/** A GOV.UK select with its label, hint and error message; uncontrolled so it works without JavaScript. */
export function Select({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  items,
  defaultValue,
  disabled,
  describedBy,
}: SelectProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={classNames("govuk-form-group", error ? "govuk-form-group--error" : undefined)}>
      <Label htmlFor={id} isPageHeading={isPageHeading} size={labelSize}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <select
        className={classNames("govuk-select", error ? "govuk-select--error" : undefined)}
        id={id}
        name={name}
        disabled={disabled}
        aria-describedby={describedByIds(describedBy, hintId, errorId)}
        defaultValue={defaultValue}
      >
        {items.map((item) => (
          <option key={item.value} value={item.value} disabled={item.disabled} lang={item.lang}>
            {item.text}
          </option>
        ))}
      </select>
    </div>
  );
}
