import { Checkboxes } from "~/components/checkboxes";
import { Input } from "~/components/input";

/** The fields of the "send by email or text" form, shared by a service page and the saved list. */
export function ShareFields({ errors, values }: { errors: Record<string, string>; values: Record<string, string | string[]> }) {
  const value = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  return (
    <>
      <Input
        name="to"
        label="Email address or UK mobile number"
        hint="We send a text to a mobile number and an email to an email address. For example, 07700 900 982 or name@example.com"
        autoComplete="email"
        spellCheck={false}
        defaultValue={value("to")}
        error={errors.to}
      />
      <Checkboxes
        name="consent"
        legend="Your permission"
        legendSize="s"
        error={errors.consent}
        defaultValues={value("consent") === "yes" ? ["yes"] : []}
        items={[
          {
            value: "yes",
            text: "Send this one message to the email address or number I gave. Do not keep it or use it for anything else.",
          },
        ]}
      />
    </>
  );
}
