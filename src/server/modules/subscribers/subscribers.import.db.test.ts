import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TT_TAM_DUONG, buildUser, importLaiChau } from '../../../../test/factories.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import type { SubscribersService } from './subscribers.service.ts';

// Fictitious numbers (09x0000xxx and the like): no real subscriber.
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** The import is all or nothing, reports bad rows by line, merges duplicates within the file and with the list. */
describeEachDb('subscribers: import', (kind) => {
  let t: TestContext;
  let svc: SubscribersService;
  let clerk: Actor;
  let listId: string;

  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    svc = t.c.services.subscribers;
    const unit = (await t.c.services.units.lookup.byId(TT_TAM_DUONG))!;
    const user = await buildUser(t.c, { unitId: unit.id, roles: ['clerk'] });
    clerk = { userId: user.id, username: user.username, displayName: 'Văn thư', unitId: unit.id, unitPath: unit.path, roles: ['clerk'], ip: null };
    listId = (await svc.createList(clerk, unit.id, { name: 'Trưởng thôn', kind: 'truong_thon', description: null })).id;
  });
  afterAll(() => t.close());

  const countIn = async () => (await svc.listSubscribers(clerk, listId, { offset: 0, limit: 100 })).total;

  it('a file with one bad row imports nothing and names the line, in Vietnamese', async () => {
    const csv = [
      'Danh sách trưởng thôn',
      'STT,Họ tên,Số điện thoại,Thôn',
      '1,Lò Văn A,0960000101,Bản Hon',
      '2,Lò Thị B,12345,Bản Bo',
      '3,Tẩn Văn C,,Nà Đon',
      '4,Vàng A D,+84 97 000 0102,Sin Suối Hồ',
    ].join('\n');
    const dry = await svc.importFile(clerk, listId, { fileName: 'ds.csv', contentBase64: b64(csv), dryRun: true });
    expect(dry.errorCount).toBe(2);
    expect(dry.errors.map((e) => e.line)).toEqual([4, 5]);
    expect(dry.errors[0]!.message).toMatch(/^Dòng 4: «12345» không phải số di động Việt Nam/);
    expect(dry.errors[1]!.message).toBe('Dòng 5: thiếu số điện thoại.');
    expect(dry.added).toBe(2);
    const err = await svc.importFile(clerk, listId, { fileName: 'ds.csv', contentBase64: b64(csv), dryRun: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('SUBSCRIBER_IMPORT_INVALID');
    expect((err as AppError).issues.map((i) => i.path)).toEqual(['line.4', 'line.5']);
    expect(await countIn()).toBe(0);
  });

  it('a clean file imports in one go; duplicates merge within the file and with the list', async () => {
    const csv = ['Họ và tên;SĐT;Thôn', 'Lò Văn A;0960000101;Bản Hon', 'Lò Thị B;84 91 000 0102;Bản Bo', ';096.000.0101;', 'Tẩn Văn C;0860000103;'].join('\r\n');
    const preview = await svc.importFile(clerk, listId, { fileName: 'ds.csv', contentBase64: b64(csv), dryRun: true });
    expect(preview).toMatchObject({ imported: false, rows: 4, added: 3, mergedInFile: 1, errorCount: 0 });
    expect(preview.notes).toEqual([{ line: 4, message: 'Dòng 4: số 0960000101 trùng với dòng 2, đã gộp.' }]);
    expect(preview.byTelco).toEqual({ viettel: 2, vinaphone: 1 });
    expect(await countIn()).toBe(0);
    const done = await svc.importFile(clerk, listId, { fileName: 'ds.csv', contentBase64: b64(csv), dryRun: false });
    expect(done).toMatchObject({ imported: true, added: 3 });
    const { items } = await svc.listSubscribers(clerk, listId, { offset: 0, limit: 100 });
    expect(items.map((s) => [s.phone, s.fullName, s.telco]).sort()).toEqual([
      ['0860000103', 'Tẩn Văn C', 'viettel'],
      ['0910000102', 'Lò Thị B', 'vinaphone'],
      ['0960000101', 'Lò Văn A', 'viettel'],
    ]);

    // Again from XLSX: a number already in the list is updated (a village now), a new one added.
    const again = await xlsx([
      ['Họ tên', 'Số điện thoại', 'Thôn'],
      ['Tẩn Văn C', '0860000103', 'Nà Đon'],
      ['Lò Văn A', 960000101, 'Bản Hon'],
      ['Vàng A D', '+84 70 000 0104', 'Sin Suối Hồ'],
    ]);
    const second = await svc.importFile(clerk, listId, { fileName: 'ds.xlsx', contentBase64: again, dryRun: false });
    expect(second).toMatchObject({ imported: true, rows: 3, added: 1, updated: 1, unchanged: 1, byTelco: { viettel: 2, mobifone: 1 } });
    expect(await countIn()).toBe(4);
  });

  it('refuses a file without a phone column, and an XLSX with a bad row, writing nothing', async () => {
    const noHeader = await svc.importFile(clerk, listId, { fileName: 'x.csv', contentBase64: b64('Tên,Ghi chú\nA,B\n'), dryRun: true });
    expect(noHeader.errors[0]!.message).toMatch(/Không tìm thấy dòng tiêu đề có cột «Số điện thoại»/);
    const bad = await xlsx([['Danh sách hộ gia đình'], [], ['Họ tên', 'Điện thoại', 'Thôn'], ['Mới', '0380000105', 'X'], ['Sai', '0240000106', 'Y']]);
    const report = await svc.importFile(clerk, listId, { fileName: 'h.xlsx', contentBase64: bad, dryRun: true });
    expect(report.errors.map((e) => e.line)).toEqual([5]);
    await expect(svc.importFile(clerk, listId, { fileName: 'h.xlsx', contentBase64: bad, dryRun: false })).rejects.toMatchObject({ code: 'SUBSCRIBER_IMPORT_INVALID' });
    expect(await countIn()).toBe(4);
  });
});
