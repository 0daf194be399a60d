import { describe, expect, it } from "vitest";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { SkipLink } from "~/components/skip-link";
import { attr, classesOf, openingTags, render } from "./render";

describe("Button", () => {
  it("is a submit button by default", () => {
    expect(render(<Button>Continue</Button>)).toBe(
      '<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>',
    );
  });

  it("carries an intent name and value, a variant and double-click protection", () => {
    const tag = openingTags(
      render(
        <Button name="intent" value="save-draft" variant="secondary" preventDoubleClick>
          Save as draft
        </Button>,
      ),
      "button",
    )[0];
    expect(attr(tag, "name")).toBe("intent");
    expect(attr(tag, "value")).toBe("save-draft");
    // Our own guard, not govuk-frontend's one-second timer, which swallowed a quick correction.
    expect(attr(tag, "data-submit-once")).toBe("");
    expect(attr(tag, "data-prevent-double-click")).toBeUndefined();
    expect(classesOf(tag)).toEqual(["govuk-button", "govuk-button--secondary"]);
  });

  it.each(["warning", "inverse"] as const)("applies the %s variant", (variant) => {
    expect(classesOf(openingTags(render(<Button variant={variant}>Go</Button>), "button")[0])).toContain(
      `govuk-button--${variant}`,
    );
  });

  it("marks a disabled button for assistive technology", () => {
    const tag = openingTags(render(<Button disabled>Send</Button>), "button")[0];
    expect(tag).toContain('disabled=""');
    expect(attr(tag, "aria-disabled")).toBe("true");
  });

  it("renders a start button link with the arrow", () => {
    const html = render(
      <Button href="/check" isStartButton>
        Start now
      </Button>,
    );
    const link = openingTags(html, "a")[0];
    expect(attr(link, "href")).toBe("/check");
    expect(attr(link, "role")).toBe("button");
    expect(attr(link, "draggable")).toBe("false");
    expect(classesOf(link)).toEqual(["govuk-button", "govuk-button--start"]);
    expect(html).toContain('<svg class="govuk-button__start-icon"');
    expect(openingTags(html, "button")).toEqual([]);
  });
});

describe("SkipLink", () => {
  it("jumps to the main content", () => {
    expect(render(<SkipLink />)).toBe(
      '<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>',
    );
  });
});

describe("BackLink", () => {
  it("is a real link, saying Back unless told otherwise", () => {
    expect(render(<BackLink href="/check/device" />)).toBe('<a href="/check/device" class="govuk-back-link">Back</a>');
    expect(render(<BackLink href="/services">Back to results</BackLink>)).toContain(">Back to results</a>");
  });
});
