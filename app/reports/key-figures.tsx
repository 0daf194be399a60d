import type { KeyFigure } from "./figure";

/** The headline numbers as a description list: a label and a large value for each. */
export function KeyFigures({ figures }: { figures: KeyFigure[] }) {
  return (
    <dl className="app-key-figures">
      {figures.map((f) => (
        <div key={f.id} className="app-key-figures__item">
          <dt className="app-key-figures__label">{f.label}</dt>
          <dd className="app-key-figures__value">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
