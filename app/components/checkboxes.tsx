import type { ReactNode } from "react";
import { classNames, describedByIds } from "./class-names";
import { ChoiceGroupShell, choiceItemId, isDivider, type ChoiceDivider, type ChoiceGroupProps } from "./choice-fields";

export interface CheckboxOption {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
  /** Shown under the option; without JavaScript it is always visible. */
  conditional?: ReactNode;
  /** "exclusive" unticks the others when chosen (for "None of these"), with JavaScript. */
  behaviour?: "exclusive";
  id?: string;
  /** Overrides the group name for this one checkbox. */
  name?: string;
  disabled?: boolean;
}

export type CheckboxItem = CheckboxOption | ChoiceDivider;

export interface CheckboxesProps extends ChoiceGroupProps {
  items: CheckboxItem[];
  defaultValues?: readonly string[];
}

/** GOV.UK checkboxes in a fieldset, with ids numbered the govuk-frontend way; uncontrolled so they work without JavaScript. */
export function Checkboxes({ items, defaultValues = [], small = false, ...group }: CheckboxesProps) {
  const idPrefix = group.idPrefix ?? group.name;
  return (
    <ChoiceGroupShell {...group} idPrefix={idPrefix}>
      {(groupDescribedBy) => (
        <div className={classNames("govuk-checkboxes", small && "govuk-checkboxes--small")} data-module="govuk-checkboxes">
          {items.map((item, index) => {
            if (isDivider(item)) {
              return (
                <div key={`divider-${index}`} className="govuk-checkboxes__divider">
                  {item.divider}
                </div>
              );
            }
            const itemId = item.id ?? choiceItemId(idPrefix, index + 1);
            return (
              <CheckboxRow
                key={itemId}
                name={item.name ?? group.name}
                item={item}
                itemId={itemId}
                groupDescribedBy={groupDescribedBy}
                checked={defaultValues.includes(item.value)}
              />
            );
          })}
        </div>
      )}
    </ChoiceGroupShell>
  );
}

interface CheckboxRowProps {
  name: string;
  item: CheckboxOption;
  itemId: string;
  groupDescribedBy: string | undefined;
  checked: boolean;
}

function CheckboxRow({ name, item, itemId, groupDescribedBy, checked }: CheckboxRowProps) {
  const hintId = item.hint ? `${itemId}-item-hint` : undefined;
  const conditionalId = item.conditional ? `conditional-${itemId}` : undefined;
  return (
    <>
      <div className="govuk-checkboxes__item">
        <input
          className="govuk-checkboxes__input"
          id={itemId}
          name={name}
          type="checkbox"
          value={item.value}
          defaultChecked={checked}
          disabled={item.disabled}
          data-aria-controls={conditionalId}
          data-behaviour={item.behaviour}
          aria-describedby={describedByIds(groupDescribedBy, hintId)}
        />
        <label className="govuk-label govuk-checkboxes__label" htmlFor={itemId}>
          {item.text}
        </label>
        {hintId ? (
          <div id={hintId} className="govuk-hint govuk-checkboxes__hint">
            {item.hint}
          </div>
        ) : null}
      </div>
      {conditionalId ? (
        <div
          className={classNames("govuk-checkboxes__conditional", !checked && "govuk-checkboxes__conditional--hidden")}
          id={conditionalId}
        >
          {item.conditional}
        </div>
      ) : null}
    </>
  );
}
