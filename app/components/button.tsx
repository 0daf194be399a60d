import type { ReactNode } from "react";
import { SUBMIT_ONCE_ATTRIBUTE } from "~/lib/submit-once";
import { classNames } from "./class-names";

export type ButtonVariant = "primary" | "secondary" | "warning" | "inverse";

export interface ButtonProps {
  children: ReactNode;
  variant?: ButtonVariant;
  /** Renders a link styled as a button instead of a form button. */
  href?: string;
  type?: "submit" | "button" | "reset";
  /** With value, tells the action which button was pressed (an `intent` field). */
  name?: string;
  value?: string;
  disabled?: boolean;
  /** Refuses a second press while the first is still being sent (see useSubmitOnce). */
  preventDoubleClick?: boolean;
  isStartButton?: boolean;
  id?: string;
  className?: string;
}

function StartIcon() {
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

/** A GOV.UK button: a submit button by default, or a link styled as a button when given href. */
export function Button({
  children,
  variant = "primary",
  href,
  type = "submit",
  name,
  value,
  disabled,
  preventDoubleClick,
  isStartButton = false,
  id,
  className,
}: ButtonProps) {
  const classes = classNames(
    "govuk-button",
    variant !== "primary" && `govuk-button--${variant}`,
    className,
    isStartButton && "govuk-button--start",
  );
  if (href !== undefined) {
    return (
      <a href={href} role="button" draggable={false} className={classes} data-module="govuk-button" id={id}>
        {children}
        {isStartButton ? <StartIcon /> : null}
      </a>
    );
  }
  return (
    <button
      value={value}
      type={type}
      name={name}
      disabled={disabled}
      aria-disabled={disabled ? true : undefined}
      {...(preventDoubleClick ? { [SUBMIT_ONCE_ATTRIBUTE]: "" } : {})}
      className={classes}
      data-module="govuk-button"
      id={id}
    >
      {children}
      {isStartButton ? <StartIcon /> : null}
    </button>
  );
}
