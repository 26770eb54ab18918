/**
 * Modules the bench measures are written in parallel with it. A measure whose module has
 * not landed yet is reported as "not available" with the reason, never given a made-up figure.
 */
export type Optional<T> = { ok: true; value: T } | { ok: false; why: string };

export async function optionalExport<T = (...args: never[]) => unknown>(specifier: string, name: string): Promise<Optional<T>> {
  let mod: Record<string, unknown>;
  try {
    // A variable specifier keeps the type-checker from requiring the module to exist today.
    mod = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, why: `${specifier} cannot be loaded (${message})` };
  }
  const value = mod[name];
  if (value === undefined) return { ok: false, why: `${specifier} does not export ${name} yet` };
  return { ok: true, value: value as T };
}
