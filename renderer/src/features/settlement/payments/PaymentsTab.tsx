// PLACEHOLDER of the agreement (helper "settlement-ui-payments" replaces it): the payments tab (收款): list, new payment, allocate, undo, void.
export function PaymentsTab(_props: Record<string, unknown>) {
  return null;
}
