// Shapes of the units API shared by the server and the admin UI.

/** A unit on the other side of a 2025 → 2026 history link ("Hình thành từ …" / "Nay thuộc …"). */
export interface HistoryRef {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  edition: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Only part of the predecessor went into the successor (a split unit). */
  partial: boolean;
}
