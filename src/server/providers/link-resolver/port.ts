/**
 * Link-resolver port: where a short link (bit.ly, vm.tiktok.com, fb.watch, …) leads, so that clustering compares
 * the post itself. Resolution talks to the outside world and may be slow: callers run it BEFORE their database
 * transaction (rumors' `resolveReportUrls`) and treat null (unknown, refused, timed out) as "keep the short link".
 */
export interface LinkResolver {
  /** The URL the short link redirects to (after at most a few hops), or null when it cannot be told. */
  resolve(url: string): Promise<string | null>;
}
