import { describe, expect, it } from "vitest";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { attr, openingTags, render } from "./render";

describe("errorSummaryItems", () => {
  it("links each field with an error, in the order given, skipping the rest", () => {
    expect(errorSummaryItems({ name: "Enter your name", email: undefined, postcode: "Enter a real postcode" })).toEqual([
      { href: "#name", text: "Enter your name" },
      { href: "#postcode", text: "Enter a real postcode" },
    ]);
  });

  it("lets a field point at a different element id", () => {
    const idFor = (field: string) => (field === "dateOfBirth" ? "dateOfBirth-day" : field);
    expect(errorSummaryItems({ dateOfBirth: "Enter your date of birth" }, idFor)).toEqual([
      { href: "#dateOfBirth-day", text: "Enter your date of birth" },
    ]);
  });

  it("ignores empty messages", () => {
    expect(errorSummaryItems({ name: "" })).toEqual([]);
  });
});

describe("ErrorSummary", () => {
  it("renders nothing without errors", () => {
    expect(render(<ErrorSummary errors={[]} />)).toBe("");
  });

  it("lists links to the fields under the default title, in a box that can take focus", () => {
    const html = render(
      <ErrorSummary
        errors={[
          { href: "#device", text: "Select whether you have a device" },
          { href: "#postcode", text: "Enter a postcode" },
        ]}
      />,
    );
    expect(html.startsWith('<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1"><div role="alert">')).toBe(true);
    expect(html).toContain('<h2 class="govuk-error-summary__title">There is a problem</h2>');
    expect(html).toContain('<ul class="govuk-list govuk-error-summary__list">');
    expect(openingTags(html, "a").map((tag) => attr(tag, "href"))).toEqual(["#device", "#postcode"]);
    expect(html).toContain('<a href="#postcode">Enter a postcode</a>');
  });

  it("takes a custom title and description", () => {
    const html = render(
      <ErrorSummary title="Check your answers" description="Some answers need changing" errors={[{ href: "#a", text: "A" }]} />,
    );
    expect(html).toContain('<h2 class="govuk-error-summary__title">Check your answers</h2>');
    expect(html).toContain("<p>Some answers need changing</p>");
  });
});
