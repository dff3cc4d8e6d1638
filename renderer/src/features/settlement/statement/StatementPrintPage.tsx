// PLACEHOLDER of the agreement (helper "settlement-ui-payments" replaces it): 对账单 print route.
export function StatementPrintPage(_props: Record<string, unknown>) {
  return null;
}
