/** 核对: the reconciliation page of one stocktake (route stocktake/:id/reconcile). Being built. */
export default function ReconcilePage() {
  return null;
}
