import type { Db } from '../../db/client.ts';

/** What a new report brings to clustering: its normalised URLs, folded text and file hash. */
export interface ClusterProbe {
  unitId: string;
  normalizedUrls: readonly string[];
  textFolded: string;
  fileSha256: string | null;
}

/**
 * The case a new report joins, or null for a new case. PLACEHOLDER of the core: clustering (URLs, pg_trgm text
 * similarity, file hashes) replaces it; until then every report opens its own case.
 */
export async function matchingCase(_db: Db, _probe: ClusterProbe): Promise<string | null> {
  return null;
}

/** A URL as clustering compares it (placeholder: trimmed; clustering normalises hosts, tracking parameters, short links). */
export function normalizeUrl(url: string): string {
  return url.trim();
}
