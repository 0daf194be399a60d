import { Checkboxes } from "~/components/checkboxes";
import { Details } from "~/components/details";
import { Fieldset } from "~/components/fieldset";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { Select } from "~/components/select";
import { Textarea } from "~/components/textarea";
import type { FieldErrors } from "~/lib/forms";
import { ATTENDING_MODES } from "./content-schema";
import { ATTENDING_LABELS, DAY_CODES, DAY_NAMES, HOW_TO_ACCESS_LABELS } from "./listing-edit";
import { hoursFieldName, hoursRowCount, type ListingFormValues } from "./listing-edit-form";

interface ListingFieldsProps {
  values: ListingFormValues;
  errors: FieldErrors;
  categories: Array<{ id: string; name: string }>;
  /** Sessions the form cannot change (monthly, one-off, at other places), shown so nobody re-types them. */
  otherSessions?: string[];
}

const text = (values: ListingFormValues, key: string) => {
  const v = values[key];
  return typeof v === "string" ? v : "";
};
const list = (values: ListingFormValues, key: string) => {
  const v = values[key];
  return Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [];
};

const YES_NO = [
  { value: "yes", text: "Yes" },
  { value: "no", text: "No" },
];

/**
 * Every editable field of a listing, in sections on one page: staff fill it in at a desk, and
 * one page keeps what they typed together when the server sends back an error.
 */
export function ListingFields({ values, errors, categories, otherSessions = [] }: ListingFieldsProps) {
  const rows = hoursRowCount(values);
  return (
    <>
      <h2 className="govuk-heading-m">About the service</h2>
      <Input name="name" label="Name" defaultValue={text(values, "name")} error={errors.name} />
      <Textarea name="description" label="Description" hint="What the service does, in plain English." rows={6} defaultValue={text(values, "description")} error={errors.description} />
      <Details summary="Name and description in Welsh (optional)" open={Boolean(text(values, "name_cy") || text(values, "description_cy") || errors.name_cy || errors.description_cy)}>
        <p className="govuk-body">Residents reading Waymark in Welsh see these instead of the English. Leave them blank if the service has no Welsh wording.</p>
        <Input name="name_cy" label="Name in Welsh" lang="cy" defaultValue={text(values, "name_cy")} error={errors.name_cy} />
        <Textarea name="description_cy" label="Description in Welsh" lang="cy" rows={6} defaultValue={text(values, "description_cy")} error={errors.description_cy} />
      </Details>
      <Checkboxes
        name="categories"
        legend="Categories"
        legendSize="s"
        hint="Choose every kind of help it gives."
        small
        items={categories.map((c) => ({ value: c.id, text: c.name }))}
        defaultValues={list(values, "categories")}
        error={errors.categories}
      />
      <Radios
        name="how_to_access"
        legend="How do people get it?"
        legendSize="s"
        small
        items={Object.entries(HOW_TO_ACCESS_LABELS).map(([value, label]) => ({ value, text: label }))}
        defaultValue={text(values, "how_to_access")}
        error={errors.how_to_access}
      />
      <Checkboxes
        name="attending"
        legend="Ways to use it"
        legendSize="s"
        small
        items={ATTENDING_MODES.map((m) => ({ value: m, text: ATTENDING_LABELS[m] }))}
        defaultValues={list(values, "attending")}
        error={errors.attending}
      />
      <Radios name="accepts_self_referral" legend="Can people refer themselves?" legendSize="s" inline small items={YES_NO} defaultValue={text(values, "accepts_self_referral")} error={errors.accepts_self_referral} />
      <Textarea name="eligibility" label="Who it is for (optional)" hint="For example, Maidstone residents on a low income." rows={3} defaultValue={text(values, "eligibility")} error={errors.eligibility} />
      <Input name="minimum_age" label="Minimum age (optional)" width="3" inputMode="numeric" defaultValue={text(values, "minimum_age")} error={errors.minimum_age} />
      <Input name="maximum_age" label="Maximum age (optional)" width="3" inputMode="numeric" defaultValue={text(values, "maximum_age")} error={errors.maximum_age} />

      <h2 className="govuk-heading-m">Cost</h2>
      <Radios name="free" legend="Is it free?" legendSize="s" inline small items={YES_NO} defaultValue={text(values, "free")} error={errors.free} />
      <Textarea name="fees" label="Cost details" hint="Needed if it is not free. For example, £2 a session, or free but printing is 10p a page." rows={2} defaultValue={text(values, "fees")} error={errors.fees} />

      <h2 className="govuk-heading-m">Contact</h2>
      <p className="govuk-body">Give at least one.</p>
      <Input name="phone" label="Phone number" type="tel" width="20" autoComplete="off" defaultValue={text(values, "phone")} error={errors.phone} />
      <Input name="email" label="Email address" type="email" spellCheck={false} autoComplete="off" defaultValue={text(values, "email")} error={errors.email} />
      <Input name="url" label="Website" type="url" spellCheck={false} hint="For example, https://example.org" defaultValue={text(values, "url")} error={errors.url} />

      <h2 className="govuk-heading-m">Opening hours</h2>
      <p className="govuk-body" id="hours-hint">
        One row for each day and time it is open, using the 24-hour clock, like 09:30. Leave spare rows empty. To add more rows, save and more appear.
      </p>
      {Array.from({ length: rows }, (_, i) => (
        <div className="app-hours-row" key={i}>
          <Fieldset legend={`Opening time ${i + 1}`} size="s" describedBy="hours-hint">
            <div className="app-hours-row__fields">
              <Select
                name={hoursFieldName(i, "day")}
                label="Day"
                items={[{ value: "", text: "Choose a day" }, ...DAY_CODES.map((d) => ({ value: d, text: DAY_NAMES[d] }))]}
                defaultValue={text(values, hoursFieldName(i, "day"))}
                error={errors[hoursFieldName(i, "day")]}
              />
              <Input name={hoursFieldName(i, "opens")} label="Opens" width="5" inputMode="numeric" defaultValue={text(values, hoursFieldName(i, "opens"))} error={errors[hoursFieldName(i, "opens")]} />
              <Input name={hoursFieldName(i, "closes")} label="Closes" width="5" inputMode="numeric" defaultValue={text(values, hoursFieldName(i, "closes"))} error={errors[hoursFieldName(i, "closes")]} />
            </div>
          </Fieldset>
        </div>
      ))}
      <Textarea
        name="sessions_note"
        label="Other sessions (optional)"
        hint="Anything the rows above cannot say, such as “First Tuesday of the month, 10am to midday” or “Closed on bank holidays”."
        rows={3}
        defaultValue={text(values, "sessions_note")}
        error={errors.sessions_note}
      />
      {otherSessions.length > 0 ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">These sessions are also listed and stay as they are:</p>
          <ul className="govuk-list govuk-list--bullet">
            {otherSessions.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">Where people go</h2>
      <p className="govuk-body">Needed if people can use it in person.</p>
      <Input name="address_1" label="Building and street" autoComplete="off" defaultValue={text(values, "address_1")} error={errors.address_1} />
      <Input name="address_2" label="Address line 2 (optional)" autoComplete="off" defaultValue={text(values, "address_2")} error={errors.address_2} />
      <Input name="city" label="Town or city" width="two-thirds" autoComplete="off" defaultValue={text(values, "city")} error={errors.city} />
      <Input name="postcode" label="Postcode" width="10" autoComplete="off" autoCapitalize="characters" spellCheck={false} defaultValue={text(values, "postcode")} error={errors.postcode} />
      <Textarea name="accessibility" label="Accessibility (optional)" hint="For example, step-free entrance, hearing loop, accessible toilet." rows={3} defaultValue={text(values, "accessibility")} error={errors.accessibility} />

      <h2 className="govuk-heading-m">Languages</h2>
      <Input name="languages" label="Languages spoken (optional)" hint="Separate them with commas, like English, Polish, Urdu." defaultValue={text(values, "languages")} error={errors.languages} />
    </>
  );
}
