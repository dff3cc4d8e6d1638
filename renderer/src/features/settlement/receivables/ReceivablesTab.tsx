// PLACEHOLDER of the agreement (helper "settlement-ui-payments" replaces it): 应收账龄: table and ECharts bar chart as of a date.
export function ReceivablesTab(_props: Record<string, unknown>) {
  return null;
}
