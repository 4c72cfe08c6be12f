import type { ReactNode, TableHTMLAttributes } from 'react';
import { TableHead } from './TableHead';
import { TableWrap } from './TableWrap';

/**
 * A data table as the app shows them: inside a keyboard-scrollable region named `label` (TableWrap), an
 * optional caption, one header row from `columns` (TableHead), and the body rows as children. Other
 * attributes (`data-testid`, `aria-busy`, `className`) go to the `<table>`.
 */
export function DataTable({
  label,
  caption,
  captionClassName,
  columns,
  children,
  ...table
}: Omit<TableHTMLAttributes<HTMLTableElement>, 'children'> & {
  label: string;
  caption?: ReactNode;
  captionClassName?: string;
  columns: readonly string[];
  /** The `<tr>` rows. */
  children: ReactNode;
}) {
  return (
    <TableWrap label={label}>
      <table {...table}>
        {caption !== undefined && <caption className={captionClassName}>{caption}</caption>}
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </TableWrap>
  );
}
