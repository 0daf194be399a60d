import { describe, expect, it } from "vitest";
import { Footer } from "~/components/footer";
import { Header, SignOutForm } from "~/components/header";
import { PhaseBanner } from "~/components/phase-banner";
import { attr, classesOf, openingTags, render } from "./render";

const navigation = [
  { href: "/services", text: "Find help", active: true },
  { href: "/knowledge", text: "Guides" },
];

describe("Header", () => {
  it("shows the Waymark wordmark linking home and no GOV.UK crown or logo", () => {
    const html = render(<Header />);
    expect(html).toContain('<a href="/" class="govuk-header__link govuk-header__link--homepage"><svg class="govuk-header__logotype"');
    expect(attr(openingTags(html, "svg")[0], "aria-label")).toBe("Waymark");
    expect(html).toContain(">Waymark</text>");
    expect(html).not.toMatch(/GOV\.UK|govuk-logo|crown/i);
  });

  it("names the service in the service navigation only when asked, since the wordmark already does", () => {
    expect(render(<Header />)).not.toContain("govuk-service-navigation__service-name");
    const html = render(<Header serviceName="Waymark" />);
    expect(html).toContain(
      '<span class="govuk-service-navigation__service-name"><span class="govuk-service-navigation__text">Waymark</span></span>',
    );
    expect(openingTags(html, "nav")).toEqual([]);
  });

  it("lists the navigation and marks the active section", () => {
    const html = render(<Header navigation={navigation} />);
    expect(html).toContain(
      '<li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="/services" aria-current="true"><strong class="govuk-service-navigation__active-fallback">Find help</strong></a></li>',
    );
    expect(html).toContain(
      '<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/knowledge">Guides</a></li>',
    );
    const toggle = openingTags(html, "button")[0];
    expect(attr(toggle, "aria-controls")).toBe("navigation");
    expect(toggle).toContain('hidden=""');
  });

  it("puts the account area at the end of the navigation", () => {
    const html = render(
      <Header navigation={navigation}>
        Signed in as Sam <SignOutForm />
      </Header>,
    );
    expect(html).toMatch(/Guides<\/a><\/li><li class="govuk-service-navigation__item app-service-navigation__account">Signed in as Sam <form/);
  });
});

describe("SignOutForm", () => {
  it("posts to /logout with a submit button", () => {
    const html = render(<SignOutForm />);
    const form = openingTags(html, "form")[0];
    expect(attr(form, "method")).toBe("post");
    expect(attr(form, "action")).toBe("/logout");
    const button = openingTags(html, "button")[0];
    expect(attr(button, "type")).toBe("submit");
    expect(classesOf(button)).toContain("app-link-button");
    expect(html).toContain(">Sign out</button></form>");
  });
});

describe("Footer", () => {
  it("links the support pages and says what Waymark is", () => {
    const html = render(<Footer />);
    expect(openingTags(html, "a").map((tag) => attr(tag, "href"))).toEqual(["/accessibility", "/privacy", "/cookies"]);
    expect(html).toContain('<div class="govuk-footer__meta-custom">Waymark helps people get online and find local support.</div>');
  });

  it("has no crown, licence logo or Crown copyright", () => {
    const html = render(<Footer />);
    expect(openingTags(html, "svg")).toEqual([]);
    expect(html).not.toMatch(/crown|licence|Open Government/i);
  });
});

describe("PhaseBanner", () => {
  it("shows the phase tag before the message", () => {
    expect(render(<PhaseBanner tag="Beta">This is a new service.</PhaseBanner>)).toBe(
      '<div class="govuk-phase-banner"><p class="govuk-phase-banner__content"><strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong> <span class="govuk-phase-banner__text">This is a new service.</span></p></div>',
    );
  });
});
