import { Checkboxes } from "~/components/checkboxes";
import { Input } from "~/components/input";

/**
 * The fields of the "send by email or text" form, shared by a service page and the saved list.
 * `text` is the page's copy of the directory's share.* words, in the page's language.
 */
export function ShareFields({
  errors,
  values,
  text,
}: {
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  text: Record<string, string>;
}) {
  const value = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  return (
    <>
      <Input
        name="to"
        label={text["to.label"]}
        hint={text["to.hint"]}
        autoComplete="email"
        spellCheck={false}
        defaultValue={value("to")}
        error={errors.to}
      />
      <Checkboxes
        name="consent"
        legend={text["consent.legend"]}
        legendSize="s"
        error={errors.consent}
        defaultValues={value("consent") === "yes" ? ["yes"] : []}
        items={[{ value: "yes", text: text["consent.text"] }]}
      />
    </>
  );
}
