/** The 对账单 made for printing (A4; saved as PDF from the print dialog). */
export const statementPrintPath = (customerId: number, from: string, to: string) =>
  `/print/settlement/statement?${new URLSearchParams({ customerId: String(customerId), from, to })}`;

/** The period a statement shows first: from the 1st of January of `to`'s year to `to`. */
export function defaultPeriod(to: string): { from: string; to: string } {
  return { from: `${to.slice(0, 4)}-01-01`, to };
}
