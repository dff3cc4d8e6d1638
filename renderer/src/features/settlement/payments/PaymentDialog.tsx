// PLACEHOLDER of the agreement (helper "settlement-ui-payments" replaces it): the payment form
// with its allocation split. The props are the agreement: the voucher page opens it with its
// customer (and the voucher to allocate to first).
export interface PaymentDialogProps {
  open: boolean;
  /** the customer, fixed (from a voucher or a statement); absent: picked in the form */
  customerId?: number;
  /** allocate to this voucher first */
  voucherId?: number;
  onClose: () => void;
  onSaved?: (paymentId: number) => void;
}
export function PaymentDialog(_props: PaymentDialogProps) {
  return null;
}
