import { expect, it } from "vitest";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { Details } from "~/components/details";
import { ErrorSummary } from "~/components/error-summary";
import { Footer } from "~/components/footer";
import { Header, SignOutForm } from "~/components/header";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Pagination } from "~/components/pagination";
import { Panel } from "~/components/panel";
import { PhaseBanner } from "~/components/phase-banner";
import { Radios } from "~/components/radios";
import { Select } from "~/components/select";
import { SkipLink } from "~/components/skip-link";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { Textarea } from "~/components/textarea";
import { WarningText } from "~/components/warning-text";
import { render } from "./render";

// The Content-Security-Policy forbids inline styles, so no component may rely on one.
it("no component renders a style attribute", () => {
  const html = render(
    <>
      <SkipLink />
      <Header navigation={[{ href: "/a", text: "A", active: true }, { href: "/b", text: "B" }]}>
        <SignOutForm />
      </Header>
      <PhaseBanner tag="Beta">New</PhaseBanner>
      <BackLink href="/" />
      <ErrorSummary errors={[{ href: "#a", text: "A" }]} />
      <Input name="a" label="A" hint="h" error="e" prefix="£" width="10" />
      <Textarea name="b" label="B" error="e" />
      <Select name="c" label="C" items={[{ value: "x", text: "X" }]} />
      <Radios name="d" legend="D" isPageHeading items={[{ value: "x", text: "X", conditional: "more" }, { divider: "or" }]} />
      <Checkboxes name="e" legend="E" items={[{ value: "x", text: "X", behaviour: "exclusive" }]} />
      <Button isStartButton href="/">Start</Button>
      <Panel title="Done">Ref</Panel>
      <SummaryList rows={[{ key: "k", value: "v", actions: [{ href: "/", text: "Change" }] }]} />
      <Table head={[{ text: "n", numeric: true }]} rows={[[1]]} />
      <Tag colour="red">Late</Tag>
      <Pagination currentPage={2} totalPages={9} hrefFor={(page) => `?page=${page}`} />
      <NotificationBanner type="success" heading="Saved" />
      <Details summary="s">t</Details>
      <WarningText>w</WarningText>
      <Footer />
    </>,
  );
  expect(html).toContain("govuk-footer");
  expect(html).not.toMatch(/\sstyle=/i);
});
