import { describe, expect, it } from "vitest";
import { Checkboxes } from "~/components/checkboxes";
import { Fieldset } from "~/components/fieldset";
import { Radios } from "~/components/radios";
import { attr, classesOf, openingTags, render, tagWithId } from "./render";

const deviceItems = [
  { value: "yes", text: "Yes", hint: "A phone, tablet or computer" },
  { value: "no", text: "No", conditional: <p className="govuk-body">We can help you find one.</p> },
  { divider: "or" },
  { value: "unsure", text: "I'm not sure" },
];

describe("Radios", () => {
  it("numbers ids the govuk-frontend way, counting the divider", () => {
    const html = render(<Radios name="device" legend="Do you have a device?" items={deviceItems} />);
    const ids = openingTags(html, "input").map((tag) => attr(tag, "id"));
    expect(ids).toEqual(["device", "device-2", "device-4"]);
    expect(html).toContain('<label class="govuk-label govuk-radios__label" for="device-2">No</label>');
    expect(html).toContain('<div class="govuk-radios__divider">or</div>');
  });

  it("uses idPrefix when given, keeping the field name", () => {
    const html = render(<Radios name="device" idPrefix="has-device" legend="Device" items={deviceItems} />);
    const first = tagWithId(html, "has-device");
    expect(attr(first, "name")).toBe("device");
    expect(attr(first, "type")).toBe("radio");
  });

  it("describes the fieldset by the hint and error and marks the group", () => {
    const html = render(
      <Radios name="device" legend="Device" hint="Choose one" error="Select whether you have a device" items={deviceItems} />,
    );
    expect(attr(openingTags(html, "fieldset")[0], "aria-describedby")).toBe("device-hint device-error");
    expect(classesOf(openingTags(html, "div")[0])).toEqual(["govuk-form-group", "govuk-form-group--error"]);
    expect(tagWithId(html, "device-error")).toContain("govuk-error-message");
  });

  it("gives an option hint its own id", () => {
    const html = render(<Radios name="device" legend="Device" items={deviceItems} />);
    expect(attr(tagWithId(html, "device"), "aria-describedby")).toBe("device-item-hint");
    expect(tagWithId(html, "device-item-hint")).toBe('<div id="device-item-hint" class="govuk-hint govuk-radios__hint">');
  });

  it("checks the default value and shows its conditional content", () => {
    const html = render(<Radios name="device" legend="Device" items={deviceItems} defaultValue="no" />);
    const checked = openingTags(html, "input").filter((tag) => tag.includes('checked=""'));
    expect(checked.map((tag) => attr(tag, "value"))).toEqual(["no"]);
    expect(attr(tagWithId(html, "device-2"), "data-aria-controls")).toBe("conditional-device-2");
    expect(tagWithId(html, "conditional-device-2")).toBe('<div class="govuk-radios__conditional" id="conditional-device-2">');
  });

  it("marks conditional content hidden (for govuk-frontend's script) when its option is not chosen", () => {
    const html = render(<Radios name="device" legend="Device" items={deviceItems} />);
    expect(classesOf(tagWithId(html, "conditional-device-2"))).toContain("govuk-radios__conditional--hidden");
  });

  it("makes the legend the page heading and applies inline and small", () => {
    const html = render(
      <Radios name="consent" legend="Do you agree?" isPageHeading inline small items={[{ value: "yes", text: "Yes" }]} />,
    );
    expect(html).toContain(
      '<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Do you agree?</h1></legend>',
    );
    expect(html).toContain('<div class="govuk-radios govuk-radios--inline govuk-radios--small" data-module="govuk-radios">');
  });
});

describe("Checkboxes", () => {
  const barrierItems = [
    { value: "device", text: "No device" },
    { value: "data", text: "No data or broadband", hint: "Including pay as you go" },
    { divider: "or" },
    { value: "none", text: "None of these", behaviour: "exclusive" as const },
  ];

  it("numbers ids like radios and marks the exclusive option", () => {
    const html = render(<Checkboxes name="barriers" legend="What gets in the way?" items={barrierItems} />);
    expect(openingTags(html, "input").map((tag) => attr(tag, "id"))).toEqual(["barriers", "barriers-2", "barriers-4"]);
    expect(attr(tagWithId(html, "barriers-4"), "data-behaviour")).toBe("exclusive");
    expect(html).toContain('<div class="govuk-checkboxes__divider">or</div>');
  });

  it("ticks every default value", () => {
    const html = render(
      <Checkboxes name="barriers" legend="Barriers" items={barrierItems} defaultValues={["device", "data"]} />,
    );
    const checked = openingTags(html, "input").filter((tag) => tag.includes('checked=""'));
    expect(checked.map((tag) => attr(tag, "value"))).toEqual(["device", "data"]);
  });

  it("describes the fieldset by the hint and error, and each option only by its own hint", () => {
    const html = render(
      <Checkboxes name="barriers" legend="Barriers" hint="Select all that apply" error="Select at least one" items={barrierItems} />,
    );
    expect(attr(openingTags(html, "fieldset")[0], "aria-describedby")).toBe("barriers-hint barriers-error");
    expect(attr(tagWithId(html, "barriers"), "aria-describedby")).toBeUndefined();
    expect(attr(tagWithId(html, "barriers-2"), "aria-describedby")).toBe("barriers-2-item-hint");
    expect(html).toContain("govuk-form-group--error");
  });

  it("without a legend, puts the group hint and error on each option instead", () => {
    const html = render(<Checkboxes name="consent" error="Confirm you agree" items={[{ value: "yes", text: "I agree" }]} />);
    expect(openingTags(html, "fieldset")).toEqual([]);
    expect(attr(tagWithId(html, "consent"), "aria-describedby")).toBe("consent-error");
  });
});

describe("Fieldset", () => {
  it("renders a sized legend and describedBy", () => {
    const html = render(
      <Fieldset legend="Your address" size="m" describedBy="address-hint">
        <p>fields</p>
      </Fieldset>,
    );
    expect(html).toBe(
      '<fieldset class="govuk-fieldset" aria-describedby="address-hint"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Your address</legend><p>fields</p></fieldset>',
    );
  });
});
