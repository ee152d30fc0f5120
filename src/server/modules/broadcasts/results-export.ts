import { DELIVERY_STATE_LABELS } from '../../../shared/contracts/broadcasts.ts';
import type { BroadcastView, DeliveryView } from '../../../shared/contracts/broadcasts.ts';

/** Per-recipient results of a broadcast as XLSX (phones as the caller may see them). */
export async function resultsXlsx(b: BroadcastView, rows: readonly DeliveryView[]): Promise<Buffer> {
  // Loaded on first export: exceljs is large and most processes never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loa';
  const ws = wb.addWorksheet('Kết quả gửi tin', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.addRow([`Kết quả gửi tin nhắn: ${b.title}`]).font = { bold: true, size: 13 };
  ws.addRow([`Đơn vị: ${b.unitName} — Số người nhận: ${b.recipients ?? 0} — Đã nhận: ${b.progress.byState.delivered}`]);
  ws.addRow([`Nội dung: ${b.textToSend}`]);
  ws.addRow(['Số điện thoại', 'Nhà mạng', 'Trạng thái', 'Số phần', 'Mã tin', 'Lỗi', 'Cập nhật']).font = { bold: true };
  for (const d of rows) ws.addRow([d.phone, d.telco, DELIVERY_STATE_LABELS[d.state], d.parts, d.messageId ?? '', d.error ?? '', d.updatedAt]);
  ws.getColumn(1).width = 16;
  ws.getColumn(3).width = 22;
  ws.getColumn(6).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
