export function migrationsHash(migrationsDir: string): string;
