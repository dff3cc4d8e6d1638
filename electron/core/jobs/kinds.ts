import type { AnyFeature } from '../feature';
import type { JobKinds } from './registry';

/** The job kinds of the given features (each feature's `jobs` map): the worker's and an inline runner's registry. */
export function jobKindsOf(features: readonly AnyFeature[]): JobKinds[] {
  return features.flatMap((f) => (f.jobs ? [f.jobs] : []));
}
