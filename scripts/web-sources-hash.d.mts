export const WEB_HASH_FILE: string;
export function webSourcesHash(root: string): string;
