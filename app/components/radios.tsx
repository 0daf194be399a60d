import type { ReactNode } from "react";
import { classNames } from "./class-names";
import { ChoiceGroupShell, choiceItemId, isDivider, type ChoiceDivider, type ChoiceGroupProps } from "./choice-fields";

export interface RadioOption {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
  /** Shown under the option; without JavaScript it is always visible. */
  conditional?: ReactNode;
  id?: string;
  disabled?: boolean;
}

export type RadioItem = RadioOption | ChoiceDivider;

export interface RadiosProps extends ChoiceGroupProps {
  items: RadioItem[];
  defaultValue?: string;
  inline?: boolean;
}

/** GOV.UK radios in a fieldset, with ids numbered the govuk-frontend way; uncontrolled so they work without JavaScript. */
export function Radios({ items, defaultValue, inline = false, small = false, ...group }: RadiosProps) {
  const idPrefix = group.idPrefix ?? group.name;
  return (
    <ChoiceGroupShell {...group} idPrefix={idPrefix}>
      {() => (
        <div
          className={classNames("govuk-radios", inline && "govuk-radios--inline", small && "govuk-radios--small")}
          data-module="govuk-radios"
        >
          {items.map((item, index) => {
            if (isDivider(item)) {
              return (
                <div key={`divider-${index}`} className="govuk-radios__divider">
                  {item.divider}
                </div>
              );
            }
            const itemId = item.id ?? choiceItemId(idPrefix, index + 1);
            return (
              <RadioRow
                key={itemId}
                name={group.name}
                item={item}
                itemId={itemId}
                checked={defaultValue !== undefined && item.value === defaultValue}
              />
            );
          })}
        </div>
      )}
    </ChoiceGroupShell>
  );
}

interface RadioRowProps {
  name: string;
  item: RadioOption;
  itemId: string;
  checked: boolean;
}

function RadioRow({ name, item, itemId, checked }: RadioRowProps) {
  const hintId = item.hint ? `${itemId}-item-hint` : undefined;
  const conditionalId = item.conditional ? `conditional-${itemId}` : undefined;
  return (
    <>
      <div className="govuk-radios__item">
        <input
          className="govuk-radios__input"
          id={itemId}
          name={name}
          type="radio"
          value={item.value}
          defaultChecked={checked}
          disabled={item.disabled}
          data-aria-controls={conditionalId}
          aria-describedby={hintId}
        />
        <label className="govuk-label govuk-radios__label" htmlFor={itemId}>
          {item.text}
        </label>
        {hintId ? (
          <div id={hintId} className="govuk-hint govuk-radios__hint">
            {item.hint}
          </div>
        ) : null}
      </div>
      {conditionalId ? (
        <div
          className={classNames("govuk-radios__conditional", !checked && "govuk-radios__conditional--hidden")}
          id={conditionalId}
        >
          {item.conditional}
        </div>
      ) : null}
    </>
  );
}
