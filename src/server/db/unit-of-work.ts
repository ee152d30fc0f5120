import type { Db } from './client.ts';

/**
 * Unit of work. A service function that another module composes into its own use case takes
 * `opts: InTx = {}` as its last parameter and runs its writes through `inTx`: inside the caller's
 * transaction when one is given, else in a transaction of its own. So a cross-module use case
 * (imports.confirmImport: register the document, create the tasks, finish the import) commits or
 * rolls back as one.
 */
export interface InTx {
  /** The caller's open transaction. */
  tx?: Db;
}

export function inTx<T>(db: Db, opts: InTx, work: (tx: Db) => Promise<T>): Promise<T> {
  return opts.tx ? work(opts.tx) : db.transaction(work);
}
