import type { TooManyPosts } from "~/lib/rate-limit.server";
import { Button } from "./button";

export function isTooManyPosts(data: unknown): data is TooManyPosts {
  return typeof data === "object" && data !== null && (data as { rateLimited?: unknown }).rateLimited === true && Array.isArray((data as { fields?: unknown }).fields);
}

/**
 * The 429 page: says how long to wait, and holds what was typed in a form that sends it again,
 * so nothing has to be typed twice.
 */
export function TooManyPostsPage({ data }: { data: TooManyPosts }) {
  const typed = data.fields.filter(([, value]) => value.trim() !== "");
  return (
    <>
      <h1 className="govuk-heading-l">You have sent this form too many times</h1>
      <p className="govuk-body">
        To keep Waymark working for everyone, a form can only be sent a certain number of times in a few minutes. Wait {data.minutes}{" "}
        {data.minutes === 1 ? "minute" : "minutes"}, then send it again.
      </p>
      <form method="post" action={data.action} noValidate>
        {data.fields.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        {typed.length > 0 ? (
          <>
            <p className="govuk-body">Nothing was saved. What you typed is kept here and will be sent again when you press the button.</p>
            <dl className="govuk-summary-list">
              {typed.map(([name, value], i) => (
                <div className="govuk-summary-list__row" key={`${name}-${i}`}>
                  <dt className="govuk-summary-list__key">{name}</dt>
                  <dd className="govuk-summary-list__value">{value}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        <Button>Send it again</Button>
      </form>
    </>
  );
}
