// PLACEHOLDER of the agreement (helper "settlement-ui-payments" replaces it): promises due today and overdue.
export function PromisesTab(_props: Record<string, unknown>) {
  return null;
}
