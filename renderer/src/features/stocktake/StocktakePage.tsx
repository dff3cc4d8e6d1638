import { Navigate, Route, Routes } from 'react-router';
import { CountingPage } from './counting/CountingPage';
import { StocktakeListPage } from './list/StocktakeListPage';
import ReconcilePage from './reconcile/ReconcilePage';

/**
 * 盘点 (the `stocktake/*` menu entry): the list (`stocktake`), one stocktake's counting screen
 * (`stocktake/:id`) and its reconciliation (`stocktake/:id/reconcile`).
 */
export function StocktakePage() {
  return (
    <Routes>
      <Route index element={<StocktakeListPage />} />
      <Route path=":id" element={<CountingPage />} />
      <Route path=":id/reconcile" element={<ReconcilePage />} />
      <Route path="*" element={<Navigate to="/stocktake" replace />} />
    </Routes>
  );
}
