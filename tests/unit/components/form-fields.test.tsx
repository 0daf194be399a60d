import { describe, expect, it } from "vitest";
import { ErrorMessage } from "~/components/error-message";
import { Input, inputWidthClass } from "~/components/input";
import { Select } from "~/components/select";
import { Textarea } from "~/components/textarea";
import { attr, classesOf, openingTags, render, tagWithId } from "./render";

describe("Input", () => {
  it("uses the name as id and links the label to it", () => {
    const html = render(<Input name="postcode" label="Postcode" />);
    const input = tagWithId(html, "postcode");
    expect(attr(input, "name")).toBe("postcode");
    expect(attr(input, "type")).toBe("text");
    expect(attr(input, "aria-describedby")).toBeUndefined();
    expect(html).toContain('<label class="govuk-label" for="postcode">Postcode</label>');
    expect(classesOf(openingTags(html, "div")[0])).toEqual(["govuk-form-group"]);
  });

  it("lists the hint then the error in aria-describedby and marks the error state", () => {
    const html = render(<Input name="postcode" id="x" label="Postcode" hint="For example, PR1 2AB" error="Enter a postcode" />);
    const input = tagWithId(html, "x");
    expect(attr(input, "aria-describedby")).toBe("x-hint x-error");
    expect(classesOf(input)).toContain("govuk-input--error");
    expect(classesOf(openingTags(html, "div")[0])).toEqual(["govuk-form-group", "govuk-form-group--error"]);
    expect(tagWithId(html, "x-hint")).toBe('<div id="x-hint" class="govuk-hint">');
    expect(html).toContain(
      '<p id="x-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter a postcode</p>',
    );
  });

  it("puts ids passed in describedBy before the hint", () => {
    const html = render(<Input name="code" label="Code" hint="Six letters" describedBy="code-help" />);
    expect(attr(tagWithId(html, "code"), "aria-describedby")).toBe("code-help code-hint");
  });

  it("keeps what was typed and passes the input attributes through", () => {
    const html = render(
      <Input
        name="email"
        type="email"
        label="Email address"
        defaultValue="sam@example.org"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        width="20"
      />,
    );
    const input = tagWithId(html, "email");
    expect(attr(input, "value")).toBe("sam@example.org");
    expect(attr(input, "type")).toBe("email");
    expect(attr(input, "autocomplete")).toBe("email");
    expect(attr(input, "inputmode")).toBe("email");
    expect(attr(input, "spellcheck")).toBe("false");
    expect(classesOf(input)).toEqual(["govuk-input", "govuk-input--width-20"]);
    expect(attr(input, "maxlength")).toBeUndefined();
  });

  it("sets maxlength only when asked", () => {
    expect(attr(tagWithId(render(<Input name="ref" label="Reference" maxLength={8} />), "ref"), "maxlength")).toBe("8");
  });

  it("maps widths to the govuk classes", () => {
    expect(inputWidthClass("10")).toBe("govuk-input--width-10");
    expect(inputWidthClass("one-half")).toBe("govuk-!-width-one-half");
    expect(inputWidthClass(undefined)).toBeUndefined();
  });

  it("wraps the label in an h1 when it is the page heading", () => {
    const html = render(<Input name="postcode" label="What is your postcode?" isPageHeading />);
    expect(html).toContain(
      '<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="postcode">What is your postcode?</label></h1>',
    );
  });

  it("wraps the input with a hidden prefix and suffix", () => {
    const html = render(<Input name="cost" label="Cost" prefix="£" suffix="per month" />);
    expect(html).toContain(
      '<div class="govuk-input__wrapper"><div class="govuk-input__prefix" aria-hidden="true">£</div><input class="govuk-input" id="cost"',
    );
    expect(html).toContain('<div class="govuk-input__suffix" aria-hidden="true">per month</div></div>');
  });
});

describe("Textarea", () => {
  it("renders rows, the typed text and the error state", () => {
    const html = render(
      <Textarea name="notes" label="Notes" hint="Do not include names" error="Notes must be 500 characters or fewer" defaultValue="Needs a laptop" />,
    );
    const textarea = tagWithId(html, "notes");
    expect(classesOf(textarea)).toEqual(["govuk-textarea", "govuk-textarea--error"]);
    expect(attr(textarea, "rows")).toBe("5");
    expect(attr(textarea, "aria-describedby")).toBe("notes-hint notes-error");
    expect(html).toContain(">Needs a laptop</textarea>");
    expect(html).toContain("govuk-form-group--error");
  });
});

describe("Select", () => {
  const items = [
    { value: "", text: "Any day" },
    { value: "monday", text: "Monday" },
    { value: "tuesday", text: "Tuesday" },
  ];

  it("selects the default value and links the error", () => {
    const html = render(<Select name="day" label="Day" items={items} defaultValue="tuesday" error="Choose a day" />);
    const select = tagWithId(html, "day");
    expect(classesOf(select)).toEqual(["govuk-select", "govuk-select--error"]);
    expect(attr(select, "aria-describedby")).toBe("day-error");
    const options = openingTags(html, "option");
    expect(options).toEqual(['<option value="">', '<option value="monday">', '<option value="tuesday" selected="">']);
  });
});

describe("ErrorMessage", () => {
  it("prefixes the message for screen readers", () => {
    expect(render(<ErrorMessage id="a-error">Enter a name</ErrorMessage>)).toBe(
      '<p id="a-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter a name</p>',
    );
  });
});
