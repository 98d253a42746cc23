import { isServer, QueryClient } from "@tanstack/react-query";

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: true } } });
}

let browserClient: QueryClient | undefined;

/** A new client per server request; one for the life of the browser tab. */
export function getQueryClient(): QueryClient {
  if (isServer) return createQueryClient();
  return (browserClient ??= createQueryClient());
}
