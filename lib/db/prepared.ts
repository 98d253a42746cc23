import type { Sql } from "postgres";

/**
 * The postgres.js client with every query sent as a prepared statement.
 *
 * drizzle-orm's postgres.js driver sends a query unnamed unless it was given a name with `.prepare(name)`. For an
 * unnamed query with parameters, postgres.js first asks the server to describe it (one round trip) and then runs it
 * (a second one), and PostgreSQL parses and plans it each time. A report submission sends about a dozen such
 * queries, so half its round trips and much of its database time went there (docs/PERFORMANCE.md, "Throughput").
 * Prepared, a query is described and parsed once per connection: postgres.js keeps its statements per connection,
 * keyed by query text, and runs a known one in a single round trip. PostgreSQL plans a prepared statement with its
 * parameter values for the first five runs, then keeps a generic plan only where that plan is estimated no costlier.
 *
 * The statements live as long as their connection (`max_lifetime`, `idle_timeout` in lib/db/index.ts). A statement
 * invalidated by a migration is re-prepared by postgres.js. Transactions and savepoints hand drizzle a new `sql` for
 * the reserved connection: those are wrapped the same way.
 */
export function preparedByDefault<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          value.call(target, query, params, { ...options, prepare: true });
      }
      if (prop === "begin" || prop === "savepoint") {
        // (options?, callback): the callback receives the transaction's own `sql`.
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const callback = args[last] as (tx: Sql) => unknown;
          args[last] = (tx: Sql) => callback(preparedByDefault(tx));
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
}
