// Moved to src/server/providers/file-store/ (port, disk, fake); kept while importers switch.
export type { FileStore } from '../providers/file-store/port.ts';
export { createFileStore } from '../providers/file-store/disk.ts';
