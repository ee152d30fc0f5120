/**
 * Decree 30/2020/NĐ-CP renderer: a directive (the ParsedDispatch contract) as PDF and DOCX.
 * Pure: no database, no network; fonts from assets/fonts.
 */
export { renderDirectiveDocx, renderDirectivePdf } from './render.ts';
export type { BodyTable, DispatchToRender, RenderOptions } from './compose.ts';
export { formatPlaceAndDate, formatVnDate } from './vn-date.ts';
export { runRenderCommand } from './cli.ts';
