// Strings of the devices page's health parts (trực tuyến / mất kết nối, the offline list, listeners per play), Vietnamese first.
import type { Lang } from '../../i18n.ts';

const vi = {
  colOnline: 'Kết nối',
  online: 'Trực tuyến',
  offline: 'Mất kết nối',
  neverSeen: 'Chưa kết nối',
  lastSeen: (when: string) => `lần cuối ${when}`,
  volume: (v: number) => `âm lượng ${v}`,
  signal: (dbm: number) => `sóng ${dbm} dBm`,
  colAudience: 'Người nghe / lượt',
  audienceLabel: (name: string) => `Ước số người nghe mỗi lượt phát của ${name}`,
  audienceDefault: (n: number) => `mặc định ${n}`,
  audienceSaved: 'Đã lưu ước số người nghe.',
  save: 'Lưu',
  viewOffline: 'Mất kết nối',
  offlineTitle: 'Thiết bị mất kết nối',
  offlineIntro: (minutes: number, alert: number) =>
    `Thiết bị đang hoạt động không liên lạc quá ${minutes} phút. Sau ${alert} phút, quản trị viên của xã được báo (trên trang Việc cần làm và qua thư điện tử), mỗi lần mất kết nối một lần.`,
  counts: (c: { online: number; offline: number; neverSeen: number; maintenance: number }) =>
    `${c.online} trực tuyến · ${c.offline} mất kết nối · ${c.neverSeen} chưa kết nối · ${c.maintenance} đang bảo trì`,
  noneOffline: 'Không có thiết bị nào mất kết nối.',
  alerted: 'Đã báo',
  colAlert: 'Cảnh báo',
  settingsTitle: 'Cài đặt theo dõi thiết bị',
  settingOnline: 'Coi là mất kết nối sau (phút)',
  settingAlert: 'Báo mất kết nối sau (phút)',
  settingAudience: 'Ước số người nghe mặc định mỗi lượt phát',
  settingsSaved: 'Đã lưu cài đặt thiết bị.',
};

const en: typeof vi = {
  colOnline: 'Connection',
  online: 'Online',
  offline: 'Offline',
  neverSeen: 'Never connected',
  lastSeen: (when: string) => `last seen ${when}`,
  volume: (v: number) => `volume ${v}`,
  signal: (dbm: number) => `signal ${dbm} dBm`,
  colAudience: 'Listeners / play',
  audienceLabel: (name: string) => `Estimated listeners per play of ${name}`,
  audienceDefault: (n: number) => `default ${n}`,
  audienceSaved: 'Estimated listeners saved.',
  save: 'Save',
  viewOffline: 'Offline',
  offlineTitle: 'Offline devices',
  offlineIntro: (minutes: number, alert: number) =>
    `Active devices silent for more than ${minutes} minutes. After ${alert} minutes the commune's administrators are told (on the To do page and by e-mail), once per outage.`,
  counts: (c: { online: number; offline: number; neverSeen: number; maintenance: number }) =>
    `${c.online} online · ${c.offline} offline · ${c.neverSeen} never connected · ${c.maintenance} in maintenance`,
  noneOffline: 'No device is offline.',
  alerted: 'Alerted',
  colAlert: 'Alert',
  settingsTitle: 'Device monitoring settings',
  settingOnline: 'Offline after (minutes)',
  settingAlert: 'Alert after (minutes)',
  settingAudience: 'Default listeners per play',
  settingsSaved: 'Device settings saved.',
};

export type HealthStrings = typeof vi;
export function healthStrings(lang: Lang): HealthStrings {
  return lang === 'en' ? en : vi;
}
