// The part of autocannon's API that bench/ingest.ts uses (the package ships no type declarations).
declare module "autocannon" {
  type Req = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    requests?: Array<Req & { setupRequest?: (req: Req) => Req; onResponse?: (status: number, body: string) => void }>;
  };
  type Histogram = { p50: number; p90: number; p99: number; average: number; max: number };
  type Result = {
    "2xx": number;
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram;
  };
  export default function autocannon(options: Options): Promise<Result>;
}
