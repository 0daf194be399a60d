import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { Select } from "~/components/select";
import { DEFAULT_GAP_DISTANCE_KM, DEFAULT_PRESET, GAP_DISTANCES_KM } from "./filters";
import { PERIOD_PRESETS } from "./period";

interface FilterFormProps {
  action: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  areas: { id: string; name: string }[];
  seesAll: boolean;
  /** The gap analysis also asks how far people can be expected to travel. */
  withDistance?: boolean;
  submitText?: string;
}

/** The period, area (and distance) filters: a GET form, so it works without JavaScript and the address can be shared. */
export function FilterForm({ action, values, errors, areas, seesAll, withDistance = false, submitText = "Show figures" }: FilterFormProps) {
  const period = values.period ?? (values.from || values.to ? "custom" : DEFAULT_PRESET);
  return (
    <form method="get" action={action} noValidate className="app-report-filters">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Select name="period" label="Period" items={PERIOD_PRESETS.map((p) => ({ value: p.id, text: p.label }))} defaultValue={period} error={errors.period} />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            name="area"
            label="Area"
            items={[{ value: "all", text: seesAll ? "All areas" : "All your areas" }, ...areas.map((a) => ({ value: a.id, text: a.name }))]}
            defaultValue={values.area ?? "all"}
            error={errors.area}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Input name="from" label="From" type="date" hint="Only used with “Choose dates”. For example, 2025-04-01" defaultValue={values.from} error={errors.from} />
        </div>
        <div className="govuk-grid-column-one-half">
          <Input name="to" label="To" type="date" hint="Only used with “Choose dates”. For example, 2026-03-31" defaultValue={values.to} error={errors.to} />
        </div>
      </div>
      {withDistance ? (
        <Select
          name="distance"
          label="Distance people can travel"
          hint="From the middle of each postcode district to where a service meets people"
          items={GAP_DISTANCES_KM.map((d) => ({ value: String(d), text: `${d} km` }))}
          defaultValue={values.distance ?? String(DEFAULT_GAP_DISTANCE_KM)}
          error={errors.distance}
        />
      ) : null}
      <Button variant="secondary">{submitText}</Button>
    </form>
  );
}
