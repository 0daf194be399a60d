import { Checkboxes } from "~/components/checkboxes";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";

/** The fields of the "send by email or text" form, shared by a service page and the saved list. */
export function ShareFields({ errors, values }: { errors: Record<string, string>; values: Record<string, string | string[]> }) {
  const value = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  return (
    <>
      <Radios
        name="channel"
        legend="How should we send it?"
        legendSize="m"
        error={errors.channel}
        defaultValue={value("channel")}
        items={[
          {
            value: "email",
            text: "Email",
            conditional: (
              <Input name="email" type="email" label="Email address" autoComplete="email" spellCheck={false} defaultValue={value("email")} error={errors.email} />
            ),
          },
          {
            value: "sms",
            text: "Text message",
            conditional: (
              <Input
                name="mobile"
                type="tel"
                label="UK mobile number"
                hint="For example, 07700 900 982"
                autoComplete="tel"
                width="20"
                defaultValue={value("mobile")}
                error={errors.mobile}
              />
            ),
          },
        ]}
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
