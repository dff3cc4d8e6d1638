import type { z } from 'zod';
import type { Actor } from '../actor';
import { diffFields, writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Conflict, InvalidField, Refused } from '../errors';
import { inTransaction } from '../transaction';
import { nextStocktakeNo } from './number';
import { counters, fullProgress } from './progress';
import { countScope, freezeExpected, type StoredScope, storeSelection, storedScope } from './scope';
import type { StocktakeScope, StocktakeStatus, StocktakeSummary, stocktakeContract } from './shared/stocktake.contract';
import { loadStocktake, type StocktakeRow, stocktakeSummaries, stocktakeSummary } from './stocktake.rows';

type In<C extends keyof typeof stocktakeContract> = z.output<(typeof stocktakeContract)[C]['input']>;

const OPEN: readonly StocktakeStatus[] = ['draft', 'counting', 'reconciling'];

/** The stocktake's life: which states each step leaves from, and where it goes. */
export const LIFE = {
  start: { from: ['draft'], to: 'counting' },
  reconcile: { from: ['counting'], to: 'reconciling' },
  resume: { from: ['reconciling'], to: 'counting' },
  complete: { from: ['reconciling'], to: 'completed' },
  cancel: { from: ['draft', 'counting', 'reconciling'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly StocktakeStatus[]; to: StocktakeStatus }>;
export type LifeStep = keyof typeof LIFE;

const countedOf = (core: Core) => (id: number) => counters(core, id).counted;

/** A refusal naming the stocktake and its state: this step does not apply to it now. */
export function wrongStatus(row: Pick<StocktakeRow, 'no' | 'status'>, messageKey = 'stocktake.errors.wrongStatus') {
  return Refused('INVALID_TRANSITION', messageKey, { no: row.no, status: row.status });
}

/** A completed or cancelled stocktake changes no more. */
export function assertOpen(row: StocktakeRow): void {
  if (!OPEN.includes(row.status)) throw wrongStatus(row, 'stocktake.errors.locked');
}

export function listStocktakes(core: Core, input: In<'stocktake.list'>) {
  return stocktakeSummaries(core, input.status?.length ? input.status : OPEN, input.page, input.pageSize, countedOf(core));
}

/** The summary with its full progress (per category, per counter): a pool read, from the tables. */
export function getStocktake(core: Core, id: number) {
  const row = loadStocktake(core, id);
  const progress = fullProgress(core, id, row.expectedCount);
  return { stocktake: stocktakeSummary(core, id, () => progress.counted), progress };
}

export function summaryOf(core: Core, id: number): StocktakeSummary {
  return stocktakeSummary(core, id, countedOf(core));
}

export function previewScope(core: Core, scope: StocktakeScope) {
  return { count: countScope(core, scope) };
}

function assertAssignee(core: Core, assigneeId: number | null | undefined): void {
  if (assigneeId == null) return;
  const exists = core.statements.prepare('SELECT 1 FROM users WHERE id = ?').get(assigneeId);
  if (!exists) throw InvalidField('assigneeId', 'stocktake.validation.assigneeUnknown');
}

/** The expected count a draft shows: a selection's stored rows, or what the scope holds now. */
function draftExpected(core: Core, id: number, scope: StocktakeScope): number {
  const n = scope.kind === 'selection' ? storeSelection(core, id, scope.ids) : countScope(core, scope);
  if (n === 0) throw InvalidField('scope', 'stocktake.validation.emptyScope');
  return n;
}

export function createStocktake(core: Core, actor: Actor, input: In<'stocktake.create'>): StocktakeSummary {
  const id = inTransaction(core, () => {
    assertAssignee(core, input.assigneeId);
    const at = core.clock.now();
    const stamp = at.toISOString();
    const scope = storedScope(input.scope);
    const no = nextStocktakeNo(core, at);
    const id = Number(
      core.statements
        .prepare(
          `INSERT INTO stocktakes (no, name, status, scope_kind, scope, assignee_id, due_date, memo, expected_count,
             created_at, created_by, updated_at, updated_by, version)
           VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 1)`,
        )
        .run(no, input.name, scope.kind, JSON.stringify(scope), input.assigneeId ?? null, input.dueDate ?? null, input.memo ?? null, stamp, actor.id, stamp, actor.id)
        .lastInsertRowid,
    );
    const expected = draftExpected(core, id, input.scope);
    core.statements.prepare('UPDATE stocktakes SET expected_count = ? WHERE id = ?').run(expected, id);
    writeLog(core.db, at, actor, {
      entity: 'stocktake',
      entityId: id,
      action: 'create',
      changes: {
        no: { before: null, after: no },
        name: { before: null, after: input.name },
        scope: { before: null, after: scope },
        expected: { before: null, after: expected },
      },
    });
    if (input.start) startIn(core, actor, at, loadStocktake(core, id));
    return id;
  });
  return summaryOf(core, id);
}

export function updateStocktake(core: Core, actor: Actor, input: In<'stocktake.update'>): StocktakeSummary {
  inTransaction(core, () => {
    const row = loadStocktake(core, input.id);
    assertOpen(row);
    if (row.version !== input.version) throw Conflict();
    if (input.scope && row.status !== 'draft') throw wrongStatus(row, 'stocktake.errors.scopeFrozen');
    if (input.assigneeId !== undefined) assertAssignee(core, input.assigneeId);
    const at = core.clock.now();
    const next = {
      name: input.name ?? row.name,
      assigneeId: input.assigneeId === undefined ? row.assigneeId : input.assigneeId,
      dueDate: input.dueDate === undefined ? row.dueDate : input.dueDate,
      memo: input.memo === undefined ? row.memo : input.memo,
      scope: input.scope ? JSON.stringify(storedScope(input.scope)) : row.scope,
    };
    const changes = diffFields(row, next, ['name', 'assigneeId', 'dueDate', 'memo', 'scope']);
    let expected = row.expectedCount;
    if (input.scope) {
      // a draft's selection is refreshed (ticked anew); a query scope is counted again
      if (row.scopeKind === 'selection' && input.scope.kind !== 'selection') storeSelection(core, row.id, []);
      expected = draftExpected(core, row.id, input.scope);
      if (expected !== row.expectedCount) changes.expected = { before: row.expectedCount, after: expected };
    }
    core.statements
      .prepare(
        `UPDATE stocktakes SET name = ?, assignee_id = ?, due_date = ?, memo = ?, scope_kind = ?, scope = ?, expected_count = ?,
           updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
      )
      .run(
        next.name,
        next.assigneeId,
        next.dueDate,
        next.memo,
        (JSON.parse(next.scope) as StoredScope).kind,
        next.scope,
        expected,
        at.toISOString(),
        actor.id,
        row.id,
      );
    writeLog(core.db, at, actor, { entity: 'stocktake', entityId: row.id, action: 'update', changes });
  });
  return summaryOf(core, input.id);
}

/** draft → counting inside the caller's transaction: the expected set is frozen now. */
function startIn(core: Core, actor: Actor, at: Date, row: StocktakeRow): void {
  if (!(LIFE.start.from as readonly StocktakeStatus[]).includes(row.status)) throw wrongStatus(row);
  const expected = freezeExpected(core, row.id, JSON.parse(row.scope) as StoredScope);
  if (expected === 0) throw Refused('INVALID_INPUT', 'stocktake.validation.emptyScope');
  const stamp = at.toISOString();
  core.statements
    .prepare(
      `UPDATE stocktakes SET status = 'counting', expected_count = ?, started_at = ?, started_by = ?,
         updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
    )
    .run(expected, stamp, actor.id, stamp, actor.id, row.id);
  writeLog(core.db, at, actor, {
    entity: 'stocktake',
    entityId: row.id,
    action: 'start',
    changes: { status: { before: row.status, after: 'counting' }, expected: { before: null, after: expected } },
  });
}

/** One step of the stocktake's life (start, reconcile, resume, complete, cancel), logged. */
export function stepStocktake(core: Core, actor: Actor, step: LifeStep, id: number, reason?: string): StocktakeSummary {
  inTransaction(core, () => {
    const row = loadStocktake(core, id);
    const at = core.clock.now();
    if (step === 'start') return startIn(core, actor, at, row);
    const { from, to } = LIFE[step];
    if (!(from as readonly StocktakeStatus[]).includes(row.status)) throw wrongStatus(row);
    const stamp = at.toISOString();
    const stampOf: Record<Exclude<LifeStep, 'start'>, string> = {
      reconcile: 'reconciling_at = ?,',
      resume: '',
      complete: 'completed_at = ?, completed_by = ?,',
      cancel: 'cancelled_at = ?, cancelled_by = ?, cancel_reason = ?,',
    };
    const params: (string | number)[] = [];
    if (step === 'reconcile') params.push(stamp);
    if (step === 'complete') params.push(stamp, actor.id);
    if (step === 'cancel') params.push(stamp, actor.id, reason ?? '');
    core.statements
      .prepare(
        `UPDATE stocktakes SET status = ?, ${stampOf[step]} updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
      )
      .run(to, ...params, stamp, actor.id, row.id);
    writeLog(core.db, at, actor, {
      entity: 'stocktake',
      entityId: row.id,
      action: step,
      changes: { status: { before: row.status, after: to } },
      reason: reason ?? null,
    });
  });
  return summaryOf(core, id);
}
