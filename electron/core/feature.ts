import type { Core } from './core';
import type { AnyHandler, ContractShape, HandlersOf } from './handler';
import type { JobKinds } from './jobs/registry';
import type { RuleQuerySource } from './review/review.queries';
import type { ReviewRuleKey } from './review/shared/review.contract';
import type { ChannelDef } from './shared/contract-kit';
import { assertReference, type CustomerReference, type MergeHook } from './status/customer-references';
import type { OpenItemsCheck } from './status/open-items';

/** Work that runs without anyone asking: at start and on every background tick (background.ts). */
export interface Timer {
  name: string;
  run(core: Core): void | Promise<void>;
}

/**
 * One feature as the core sees it: its channels and their handlers, and what it adds to other
 * features' seams. A new feature is one folder per layer plus one line in features.ts.
 */
export interface Feature<K extends ContractShape = ContractShape> {
  /** its one word, as in every layer (electron/core/<name>/, db/schema/<name>.ts, …) */
  name: string;
  /** its channels: the contract of its shared/<name>.contract.ts */
  contract: K;
  /** typed against its own contract: a channel without a handler does not compile */
  handlers: HandlersOf<K>;
  timers?: readonly Timer[];
  /** what is still open for customers (status asks before a deactivation) */
  openItems?: readonly OpenItemsCheck[];
  /** its columns that point to a customer (status moves them when a duplicate is merged) */
  customerReferences?: readonly CustomerReference[];
  /** what it does when a duplicate is merged, beyond moving its columns (a ledger's transfer rows) */
  mergeHooks?: readonly MergeHook[];
  /** the queries of the review rules it owns (review.queries.ts) */
  reviewRules?: Partial<Record<ReviewRuleKey, RuleQuerySource>>;
  /** its long jobs, run off the main thread (core.jobs): kind `<feature>.<job>` → function */
  jobs?: JobKinds;
}

/** A feature of any contract, as lists hold them. */
export type AnyFeature = Omit<Feature, 'handlers'> & { handlers: Readonly<Record<string, AnyHandler>> };

/** Declares a feature; its handlers are checked against its contract (and only it). */
export function defineFeature<K extends ContractShape>(
  feature: Feature<K> & { handlers: NoInfer<HandlersOf<K>> },
): Feature<K> {
  return feature;
}

/** What a core makes of its features, once, when it is created. */
export interface Assembly {
  features: readonly AnyFeature[];
  contract: Readonly<Record<string, ChannelDef>>;
  handlers: Readonly<Record<string, AnyHandler>>;
  timers: readonly Timer[];
  openItems: readonly OpenItemsCheck[];
  customerReferences: readonly CustomerReference[];
  mergeHooks: readonly MergeHook[];
  reviewRules: ReadonlyMap<ReviewRuleKey, RuleQuerySource>;
}

/** Builds the assembly; a channel, feature name or rule query given twice is a programming error. */
export function assemble(features: readonly AnyFeature[]): Assembly {
  const contract: Record<string, ChannelDef> = {};
  const handlers: Record<string, AnyHandler> = {};
  const reviewRules = new Map<ReviewRuleKey, RuleQuerySource>();
  const names = new Set<string>();
  for (const f of features) {
    if (names.has(f.name)) throw new Error(`feature ${f.name} is listed twice`);
    names.add(f.name);
    for (const [name, def] of Object.entries(f.contract)) {
      if (Object.hasOwn(contract, name)) throw new Error(`channel ${name} of ${f.name} is already served`);
      if (typeof f.handlers[name] !== 'function') throw new Error(`channel ${name} of ${f.name} has no handler`);
      contract[name] = def;
      handlers[name] = f.handlers[name];
    }
    for (const [key, source] of Object.entries(f.reviewRules ?? {}) as [ReviewRuleKey, RuleQuerySource][]) {
      if (reviewRules.has(key)) throw new Error(`review rule ${key} of ${f.name} already has a query`);
      reviewRules.set(key, source);
    }
    for (const ref of f.customerReferences ?? []) assertReference(ref);
  }
  return {
    features,
    contract,
    handlers,
    reviewRules,
    timers: features.flatMap((f) => f.timers ?? []),
    openItems: features.flatMap((f) => f.openItems ?? []),
    customerReferences: features.flatMap((f) => f.customerReferences ?? []),
    mergeHooks: features.flatMap((f) => f.mergeHooks ?? []),
  };
}
