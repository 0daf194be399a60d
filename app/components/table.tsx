import type { ReactNode } from "react";
import { classNames } from "./class-names";

export interface TableHeadCell {
  text: ReactNode;
  /** Right-aligns the column, header and cells alike, for figures. */
  numeric?: boolean;
}

interface TableProps {
  caption?: ReactNode;
  captionSize?: "m" | "l" | "xl";
  head?: TableHeadCell[];
  rows: ReactNode[][];
  /** Makes each row's first cell a row header (th scope="row"). */
  firstCellIsHeader?: boolean;
}

/** A GOV.UK table; numeric alignment of body cells follows the matching head cell. */
export function Table({ caption, captionSize, head, rows, firstCellIsHeader = false }: TableProps) {
  return (
    <table className="govuk-table">
      {caption ? (
        <caption className={classNames("govuk-table__caption", captionSize && `govuk-table__caption--${captionSize}`)}>
          {caption}
        </caption>
      ) : null}
      {head ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((cell, index) => (
              <th
                key={index}
                scope="col"
                className={classNames("govuk-table__header", cell.numeric && "govuk-table__header--numeric")}
              >
                {cell.text}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex} className="govuk-table__row">
            {row.map((cell, index) =>
              index === 0 && firstCellIsHeader ? (
                <th key={index} scope="row" className="govuk-table__header">
                  {cell}
                </th>
              ) : (
                <td
                  key={index}
                  className={classNames("govuk-table__cell", head?.[index]?.numeric && "govuk-table__cell--numeric")}
                >
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
