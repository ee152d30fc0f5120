import { formatVnDate } from '../../platform/text.ts';
import type { SuspiciousAccountRow } from './audit.repository.ts';

/** The report `loa audit suspicious` prints: one block per account, then what to do. */
export function formatSuspiciousAccounts(rows: readonly SuspiciousAccountRow[]): string {
  if (rows.length === 0) return 'Không có tài khoản nào có vai trò quản trị, duyệt, văn thư hay soạn thảo được tạo mà không do người dùng nào thực hiện.\n';
  const lines = [`${rows.length} tài khoản có vai trò cao không do người dùng nào tạo hoặc cấp quyền — kiểm tra và vô hiệu hóa nếu không nhận ra:`, ''];
  for (const r of rows) {
    const how =
      r.action === null
        ? 'không có sự kiện tạo trong nhật ký'
        : `${r.action === 'user.create' ? 'tạo' : 'cấp vai trò'} bởi ${r.actorName ?? 'không ai (không có người thực hiện)'}, địa chỉ IP ${r.ip ?? 'không có'}${r.at ? `, ${formatVnDate(r.at)} ${r.at.toISOString()}` : ''}`;
    lines.push(`- ${r.username} (${r.displayName}), ${r.unitName}: ${r.roles.join(', ')}`, `  id ${r.id}; ${how}`);
  }
  lines.push('', 'Vô hiệu hóa một tài khoản: trang quản trị → Người dùng, hoặc PATCH /api/users/:id {"disabled": true}.');
  return `${lines.join('\n')}\n`;
}
