// Roles shared by the server (access policy, users API) and the admin UI.

/** Roles an account can hold; each acts on its unit's subtree only (system_admin: everywhere). */
export const ROLES = ['system_admin', 'unit_admin', 'drafter', 'approver', 'clerk', 'reporter', 'viewer', 'desk_lead'] as const;
export type Role = (typeof ROLES)[number];

/** The official names of the roles (the admin UI, the demo accounts sheet, import proposals). */
export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  unit_admin: { vi: 'Quản trị đơn vị', en: 'Unit administrator' },
  drafter: { vi: 'Chuyên viên soạn thảo', en: 'Drafter' },
  approver: { vi: 'Lãnh đạo duyệt, ký', en: 'Approver / signer' },
  clerk: { vi: 'Văn thư', en: 'Clerk' },
  reporter: { vi: 'Người báo cáo', en: 'Reporter' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
  desk_lead: { vi: 'Trưởng nhóm xử lý tin sai sự thật', en: 'Misinformation desk lead' },
};

export function isRole(r: string): r is Role {
  return (ROLES as readonly string[]).includes(r);
}
