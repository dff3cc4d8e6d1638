import { type ComponentType, lazy } from 'react';

/** `() => import('…')` of a module that exports the page as `K`. */
type LoadModule<K extends string> = () => Promise<Record<K, ComponentType>>;

/**
 * A page in a chunk of its own, loaded on its first visit: the sign-in screen then needs only
 * the code it shows. `lazyPage(() => import('../features/users/UsersPage'), 'UsersPage')`.
 * Render it inside a <Suspense fallback={<PageLoading />}> (the shell has one around its page).
 */
export function lazyPage<K extends string>(load: LoadModule<K>, name: K): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
