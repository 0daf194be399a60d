import { expect } from "vitest";
import * as check from "~/routes/referrals.new.check";
import * as confirmation from "~/routes/referrals.new.confirmation";
import * as consent from "~/routes/referrals.new.consent";
import * as needs from "~/routes/referrals.new.needs";
import * as person from "~/routes/referrals.new.person";
import * as reasons from "~/routes/referrals.new.reasons";
import * as service from "~/routes/referrals.new.service";
import * as signpost from "~/routes/referrals.new.signpost";
import * as start from "~/routes/referrals.new._index";
import { expectRedirect, type Visitor } from "./support";

export const STEPS = { start, service, reasons, person, needs, consent, check, signpost, confirmation };

export const VALID = {
  reasons: { barriers: ["device", "skills"], goals: ["job-search"], reasonNote: "Wants to apply for warehouse jobs" },
  person: {
    personName: "Sam",
    contactMethod: "email",
    email: "sam.person@example.org",
    phone: "",
    mobile: "",
    addressLine: "",
    addressPostcode: "",
    bestTimes: "Weekday mornings",
    postcode: "ME14",
  },
  needs: { accessNeeds: "Large print", language: "Polish", safeguarding: "no", safeguardingNote: "" },
  consent: { consent: "yes", consentMethod: "in-person" },
};

export interface Answers {
  serviceId: string;
  triage?: string;
  reasons?: Record<string, string | string[]>;
  person?: Record<string, string>;
  needs?: Record<string, string>;
  consent?: Record<string, string>;
}

/** Walks every page of /referrals/new as a browser would; returns the confirmed reference. */
export async function makeReferral(visitor: Visitor, answers: Answers): Promise<string> {
  const query = new URLSearchParams({ service: answers.serviceId, ...(answers.triage ? { triage: answers.triage } : {}) });
  expectRedirect(await visitor.get(start.loader, `/referrals/new?${query}`), "/referrals/new/reasons");
  expect((await visitor.get(reasons.loader, "/referrals/new/reasons")).status).toBe(200);
  expectRedirect(await visitor.post(reasons.action, "/referrals/new/reasons", answers.reasons ?? VALID.reasons), "/referrals/new/person");
  expectRedirect(await visitor.post(person.action, "/referrals/new/person", { ...VALID.person, ...answers.person }), "/referrals/new/needs");
  expectRedirect(await visitor.post(needs.action, "/referrals/new/needs", { ...VALID.needs, ...answers.needs }), "/referrals/new/consent");
  expectRedirect(await visitor.post(consent.action, "/referrals/new/consent", { ...VALID.consent, ...answers.consent }), "/referrals/new/check");
  expect((await visitor.get(check.loader, "/referrals/new/check")).status).toBe(200);
  expectRedirect(await visitor.post(check.action, "/referrals/new/check", {}), "/referrals/new/confirmation");
  const done = await visitor.get(confirmation.loader, "/referrals/new/confirmation");
  const body = (await done.json()) as { reference: string };
  return body.reference;
}
