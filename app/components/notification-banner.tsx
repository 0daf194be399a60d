import type { ReactNode } from "react";

interface NotificationBannerProps {
  type?: "important" | "success";
  /** Defaults to "Important" or "Success". */
  title?: ReactNode;
  /** The main message, styled as the banner's heading. */
  heading?: ReactNode;
  titleId?: string;
  children?: ReactNode;
}

/**
 * A GOV.UK notification banner. A success banner is an alert so the outcome of an action is
 * announced; an important one is a region that can be navigated to.
 */
export function NotificationBanner({
  type = "important",
  title,
  heading,
  titleId = "govuk-notification-banner-title",
  children,
}: NotificationBannerProps) {
  const isSuccess = type === "success";
  return (
    <div
      className={isSuccess ? "govuk-notification-banner govuk-notification-banner--success" : "govuk-notification-banner"}
      role={isSuccess ? "alert" : "region"}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (isSuccess ? "Success" : "Important")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}
