import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A react-hook-form resolver that loads the real one (zod and the schema, ~30 kB gzipped) on the form's first
 * validation, a submit: the page's first load carries no schema. The actions validate with the same schema.
 * A failed load is forgotten, so the next submit tries again.
 */
export function lazyResolver<T extends FieldValues, C = unknown, O = T>(
  load: () => Promise<Resolver<T, C, O>>,
): Resolver<T, C, O> {
  let loading: Promise<Resolver<T, C, O>> | null = null;
  return async (values, context, options) => {
    loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    });
    return (await loading)(values, context, options);
  };
}
