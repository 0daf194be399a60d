import { fill } from "~/i18n/catalogue";
import { Checkboxes, type CheckboxItem } from "~/components/checkboxes";
import { Radios } from "~/components/radios";
import type { QuestionView } from "./question-view";

/**
 * The one control on a triage question page, as radios, checkboxes or a 0 to 10 scale. Shared by
 * the resident check and assisted triage (route modules cannot import each other). The field is
 * always named "answer" and its first option has the id "answer", so an error summary link lands
 * on it.
 */
export function QuestionControl({
  view,
  error,
  compact = false,
  text = {},
}: {
  view: QuestionView;
  error?: string;
  compact?: boolean;
  /** The resident check's words for the divider and the scale hint, in the page's language. */
  text?: Record<string, string>;
}) {
  const legendSize = compact ? "m" : "l";
  if (view.control === "checkboxes") {
    const items: CheckboxItem[] = [];
    for (const option of view.options) {
      if (option.exclusive) items.push({ divider: text.or ?? "or" });
      items.push({ value: option.value, text: option.label, hint: option.hint ?? undefined, behaviour: option.exclusive ? "exclusive" : undefined });
    }
    return (
      <Checkboxes
        name="answer"
        legend={view.heading}
        legendSize={legendSize}
        isPageHeading
        hint={view.hint ?? undefined}
        error={error}
        items={items}
        defaultValues={view.chosen}
        small={compact}
      />
    );
  }
  if (view.control === "scale" && view.scale) {
    const { min, max, minLabel, maxLabel } = view.scale;
    const numbers = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
    return (
      <div className="app-scale">
        <Radios
          name="answer"
          legend={view.heading}
          legendSize={legendSize}
          isPageHeading
          hint={view.hint ?? fill(text.scaleHint ?? "{{min}} means {{minLabel}}. {{max}} means {{maxLabel}}.", { min, max, minLabel: minLabel.toLowerCase(), maxLabel: maxLabel.toLowerCase() })}
          error={error}
          inline
          items={numbers.map((n) => ({ value: n, text: n }))}
          defaultValue={view.chosen[0]}
        />
      </div>
    );
  }
  return (
    <Radios
      name="answer"
      legend={view.heading}
      legendSize={legendSize}
      isPageHeading
      hint={view.hint ?? undefined}
      error={error}
      items={view.options.map((o) => ({ value: o.value, text: o.label, hint: o.hint ?? undefined }))}
      defaultValue={view.chosen[0]}
      small={compact}
    />
  );
}
