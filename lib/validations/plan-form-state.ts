// The plan forms' state without a form library: values are plain objects addressed by dotted paths
// ("items.2.sites.0.units", the same keys the actions' fieldErrors use), errors are message codes by path.
// Pure and immutable, so React state updates stay cheap to reason about and the rules below are unit-tested.

/** Message codes by the full dotted path of the field ("items.1.unitsNote": "units_mismatch"). */
export type PathErrors = Record<string, string>;

const parts = (path: string) => (path === "" ? [] : path.split("."));

/** The value at a dotted path, or undefined when any step is missing. */
export function getAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of parts(path)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A copy of `root` with `value` at `path`; only the objects and arrays along the path are copied. */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const [key, ...rest] = parts(path);
  if (key === undefined) return value as T;
  const node = root as unknown;
  const child =
    node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  const next = rest.length ? setAt(child, rest.join("."), value) : value;
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[Number(key)] = next;
    return copy as T;
  }
  return { ...(node as object), [key]: next } as T;
}

/** `path` itself or any path below it ("items.1" covers "items.1.product", not "items.10"). */
export const isWithin = (key: string, path: string) => key === path || key.startsWith(`${path}.`);

/**
 * Errors after the rows of the array at `arrayPath` moved: `map(oldIndex)` is the row's new index, or null when the
 * row is gone. An error stays with its row, so a message never ends up under another row's field.
 */
export function reindexErrors(
  errors: PathErrors,
  arrayPath: string,
  map: (index: number) => number | null,
): PathErrors {
  const out: PathErrors = {};
  const prefix = `${arrayPath}.`;
  for (const [key, code] of Object.entries(errors)) {
    if (!key.startsWith(prefix)) {
      out[key] = code;
      continue;
    }
    const [index, ...rest] = key.slice(prefix.length).split(".");
    const to = /^\d+$/.test(index) ? map(Number(index)) : null;
    if (to !== null) out[[arrayPath, to, ...rest].join(".")] = code;
  }
  return out;
}

/** The index map of moving one row from `from` to `to` (the rows between shift by one). */
export function moveMap(from: number, to: number): (index: number) => number {
  return (i) => {
    if (i === from) return to;
    if (from < to && i > from && i <= to) return i - 1;
    if (to < from && i >= to && i < from) return i + 1;
    return i;
  };
}

/** The index map of removing row `removed`. */
export function removeMap(removed: number): (index: number) => number | null {
  return (i) => (i === removed ? null : i > removed ? i - 1 : i);
}

/** A copy of `list` with the row at `from` moved to `to`. */
export function moveRow<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [row] = copy.splice(from, 1);
  copy.splice(to, 0, row);
  return copy;
}

/**
 * The errors shown after a change at `changed`, once the form has been submitted and the schema re-ran on the new
 * values (`fresh`). Like a form library's re-validation on change: the changed field (or array, after a row was
 * added, moved or removed) gets its fresh error or loses it; errors already shown within `scope` (the changed
 * field's item, so fixing the units clears the unit-mismatch note) are updated or cleared; no new error appears on
 * a field the user has not touched since. Errors outside the scope (a server's refusal of another field) stay until
 * that field changes or the next submit.
 */
export function revalidated(
  errors: PathErrors,
  fresh: PathErrors,
  changed: string,
  scope: string = changed,
): PathErrors {
  const out: PathErrors = {};
  for (const [key, code] of Object.entries(errors)) {
    if (key !== changed && !isWithin(key, scope)) out[key] = code;
    else if (fresh[key]) out[key] = fresh[key];
  }
  if (fresh[changed]) out[changed] = fresh[changed];
  return out;
}

/** The item a path belongs to ("items.2" for "items.2.sites.0.units"), or the path itself outside the items. */
export function itemScope(path: string): string {
  const m = /^items\.\d+/.exec(path);
  return m ? m[0] : path;
}

/** Without `path` and everything below it (the field was edited: a server's error about it no longer applies). */
export function withoutErrorsAt(errors: PathErrors, path: string): PathErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !isWithin(key, path)));
}
