/**
 * The contact questions, shared by a champion's referral ("them") and a resident's own request
 * ("you"): name, how to get in touch with the matching detail, best times and outward postcode.
 * The detail boxes follow the choice rather than being revealed inside it: govuk-frontend's
 * conditional reveal puts aria-expanded on radio buttons, which ARIA does not allow (axe fails
 * it), and the page then reads the same with JavaScript on or off. Only the box for the chosen
 * method is kept (see personStepSchema).
 */
import { Fieldset } from "~/components/fieldset";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import type { ContactMethod } from "~db/schema/referrals";
import { CONTACT_METHOD_LABELS, type PersonStep } from "./referral-form";

export type ContactValues = Record<string, string | string[]>;

/** Form values for a stored answer, so going back shows what was given. */
export function contactDefaults(person: Omit<PersonStep, "postcodeShortened"> | undefined, outwardPostcode: string | null): ContactValues {
  if (!person) return { postcode: outwardPostcode ?? "" };
  const detail = person.contactDetail ?? "";
  const values: ContactValues = {
    personName: person.personName,
    contactMethod: person.contactMethod,
    bestTimes: person.bestTimes ?? "",
    postcode: person.outwardCode ?? "",
  };
  if (person.contactMethod === "phone") values.phone = detail;
  if (person.contactMethod === "text") values.mobile = detail;
  if (person.contactMethod === "email") values.email = detail;
  if (person.contactMethod === "letter") {
    const cut = detail.lastIndexOf(", ");
    values.addressLine = cut > 0 ? detail.slice(0, cut) : detail;
    values.addressPostcode = cut > 0 ? detail.slice(cut + 2) : "";
  }
  return values;
}

function text(values: ContactValues, key: string): string | undefined {
  const value = values[key];
  return typeof value === "string" ? value : undefined;
}

export function ContactFields({
  who,
  errors,
  values,
  allowThroughChampion,
}: {
  who: "them" | "you";
  errors: Record<string, string>;
  values: ContactValues;
  allowThroughChampion: boolean;
}) {
  const their = who === "them" ? "their" : "your";
  const methods = (Object.keys(CONTACT_METHOD_LABELS) as ContactMethod[]).filter((m) => allowThroughChampion || m !== "through-champion");
  return (
    <>
      <Input
        name="personName"
        label={who === "them" ? "Their first name or initials" : "Your first name or initials"}
        hint="We do not need a full name."
        autoComplete={who === "you" ? "given-name" : "off"}
        spellCheck={false}
        defaultValue={text(values, "personName")}
        error={errors.personName}
      />
      <Radios
        name="contactMethod"
        legend={who === "them" ? "How would they like to be contacted?" : "How would you like us to contact you?"}
        legendSize="m"
        error={errors.contactMethod}
        defaultValue={text(values, "contactMethod")}
        items={methods.map((method) => ({
          value: method,
          text: who === "you" && method === "letter" ? "Letter by post" : CONTACT_METHOD_LABELS[method],
        }))}
      />
      <Fieldset legend={`${who === "them" ? "Their" : "Your"} contact details`} size="m" describedBy="contact-details-hint">
        <p id="contact-details-hint" className="govuk-hint">Fill in the one for the way you chose.{allowThroughChampion ? " Leave them all empty if it is through you." : ""}</p>
        <Input name="phone" label="Phone number, for a phone call" type="tel" autoComplete={who === "you" ? "tel" : "off"} width="20" defaultValue={text(values, "phone")} error={errors.phone} />
        <Input name="mobile" label="Mobile number, for text messages" type="tel" autoComplete={who === "you" ? "tel" : "off"} width="20" defaultValue={text(values, "mobile")} error={errors.mobile} />
        <Input
          name="email"
          label="Email address"
          type="email"
          autoComplete={who === "you" ? "email" : "off"}
          spellCheck={false}
          defaultValue={text(values, "email")}
          error={errors.email}
        />
        <Input name="addressLine" label="First line of the address, for a letter" autoComplete={who === "you" ? "address-line1" : "off"} defaultValue={text(values, "addressLine")} error={errors.addressLine} />
        <Input name="addressPostcode" label="Postcode, for a letter" autoComplete={who === "you" ? "postal-code" : "off"} width="10" defaultValue={text(values, "addressPostcode")} error={errors.addressPostcode} />
      </Fieldset>
      <Input
        name="bestTimes"
        label="Best times to get in touch (optional)"
        hint="For example, weekday mornings."
        defaultValue={text(values, "bestTimes")}
        error={errors.bestTimes}
      />
      <Input
        name="postcode"
        label={`The first part of ${their} postcode${who === "them" ? " (optional)" : ""}`}
        hint="For example, ME14. We only keep the first part."
        width="10"
        autoComplete="off"
        defaultValue={text(values, "postcode")}
        error={errors.postcode}
      />
    </>
  );
}
