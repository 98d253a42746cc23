// The part of autocannon 9's API the bench uses (the package ships no types; @types/autocannon is for 7).
declare module "autocannon" {
  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    setupRequest?: (req: Request, context: unknown) => Request;
  };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    requests?: Request[];
  };
  type Histogram = { p50: number; p90: number; p97_5: number; p99: number; average: number; max: number };
  namespace autocannon {
    type Result = {
      requests: Histogram & { total: number };
      latency: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats?: Record<string, { count: number }>;
    };
  }
  type Instance = { on(event: "error", cb: (err: Error) => void): void };
  function autocannon(opts: Options, cb: (err: Error | null, result: autocannon.Result) => void): Instance;
  export default autocannon;
}
