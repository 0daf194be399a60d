import { describe, expect, it } from "vitest";
import { Details } from "~/components/details";
import { InsetText } from "~/components/inset-text";
import { NotificationBanner } from "~/components/notification-banner";
import { Panel } from "~/components/panel";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { WarningText } from "~/components/warning-text";
import { attr, classesOf, openingTags, render } from "./render";

describe("Panel", () => {
  it("shows the title as the h1 and the reference in the body", () => {
    expect(
      render(
        <Panel title="Referral sent">
          Your reference is <strong>WM-4F7K</strong>
        </Panel>,
      ),
    ).toBe(
      '<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">Referral sent</h1><div class="govuk-panel__body">Your reference is <strong>WM-4F7K</strong></div></div>',
    );
  });

  it("leaves out the body when there is nothing in it", () => {
    expect(render(<Panel title="Done" />)).not.toContain("govuk-panel__body");
  });
});

describe("SummaryList", () => {
  it("renders change links with hidden context and pads rows without actions", () => {
    const html = render(
      <SummaryList
        rows={[
          { key: "Name", value: "Sam Jones", actions: [{ href: "/triage/name", text: "Change", visuallyHiddenText: "name" }] },
          { key: "Reference", value: "WM-4F7K" },
        ]}
      />,
    );
    expect(html).toContain(
      '<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/triage/name">Change<span class="govuk-visually-hidden"> name</span></a></dd>',
    );
    const rows = openingTags(html, "div");
    expect(classesOf(rows[0])).toEqual(["govuk-summary-list__row"]);
    expect(classesOf(rows[1])).toEqual(["govuk-summary-list__row", "govuk-summary-list__row--no-actions"]);
    expect(html).toContain('<dt class="govuk-summary-list__key">Reference</dt><dd class="govuk-summary-list__value">WM-4F7K</dd>');
  });

  it("lists several actions and drops the border when asked", () => {
    const html = render(
      <SummaryList
        noBorder
        rows={[
          {
            key: "Status",
            value: "Open",
            actions: [
              { href: "/referrals/1/accept", text: "Accept" },
              { href: "/referrals/1/decline", text: "Decline" },
            ],
          },
        ]}
      />,
    );
    expect(classesOf(openingTags(html, "dl")[0])).toEqual(["govuk-summary-list", "govuk-summary-list--no-border"]);
    expect(openingTags(html, "li").map((tag) => attr(tag, "class"))).toEqual([
      "govuk-summary-list__actions-list-item",
      "govuk-summary-list__actions-list-item",
    ]);
    expect(html).not.toContain("--no-actions");
  });
});

describe("Table", () => {
  it("aligns numeric columns from the head and uses row headers", () => {
    const html = render(
      <Table
        caption="Referrals by area"
        captionSize="m"
        head={[{ text: "Area" }, { text: "Referrals", numeric: true }]}
        rows={[
          ["Preston", 12],
          ["Thanet", 7],
        ]}
        firstCellIsHeader
      />,
    );
    expect(html).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Referrals by area</caption>');
    expect(html).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Referrals</th>');
    expect(html).toContain('<th scope="row" class="govuk-table__header">Preston</th><td class="govuk-table__cell govuk-table__cell--numeric">12</td>');
    expect(openingTags(html, "tr")).toHaveLength(3);
  });

  it("uses plain cells without a head", () => {
    const html = render(<Table rows={[["a", "b"]]} />);
    expect(openingTags(html, "thead")).toEqual([]);
    expect(openingTags(html, "td").map((tag) => attr(tag, "class"))).toEqual(["govuk-table__cell", "govuk-table__cell"]);
  });
});

describe("Tag", () => {
  it("adds the colour modifier", () => {
    expect(render(<Tag colour="light-blue">Accepted</Tag>)).toBe('<strong class="govuk-tag govuk-tag--light-blue">Accepted</strong>');
    expect(render(<Tag>New</Tag>)).toBe('<strong class="govuk-tag">New</strong>');
  });
});

describe("NotificationBanner", () => {
  it("announces a success banner as an alert", () => {
    const html = render(<NotificationBanner type="success" heading="Referral sent to Preston Library" />);
    const banner = openingTags(html, "div")[0];
    expect(classesOf(banner)).toEqual(["govuk-notification-banner", "govuk-notification-banner--success"]);
    expect(attr(banner, "role")).toBe("alert");
    expect(attr(banner, "aria-labelledby")).toBe("govuk-notification-banner-title");
    expect(html).toContain('<h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">Success</h2>');
    expect(html).toContain('<p class="govuk-notification-banner__heading">Referral sent to Preston Library</p>');
  });

  it("makes an important banner a region with its own title", () => {
    const html = render(
      <NotificationBanner title="Service update" titleId="update-title">
        <p className="govuk-body">Drop-in sessions move to Tuesdays.</p>
      </NotificationBanner>,
    );
    const banner = openingTags(html, "div")[0];
    expect(attr(banner, "role")).toBe("region");
    expect(attr(banner, "aria-labelledby")).toBe("update-title");
    expect(html).toContain('id="update-title">Service update</h2>');
    expect(html).not.toContain("govuk-notification-banner__heading");
  });
});

describe("Details, InsetText and WarningText", () => {
  it("renders a native details disclosure", () => {
    expect(render(<Details summary="What is a social tariff?">A cheaper broadband deal.</Details>)).toBe(
      '<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">What is a social tariff?</span></summary><div class="govuk-details__text">A cheaper broadband deal.</div></details>',
    );
  });

  it("renders inset text", () => {
    expect(render(<InsetText>Free for people on Universal Credit.</InsetText>)).toBe(
      '<div class="govuk-inset-text">Free for people on Universal Credit.</div>',
    );
  });

  it("gives the warning icon a spoken fallback", () => {
    expect(render(<WarningText>Never share your password.</WarningText>)).toContain(
      '<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Never share your password.</strong>',
    );
  });
});
