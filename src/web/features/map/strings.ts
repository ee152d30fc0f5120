// Strings of the maps (device map, bulletin coverage map), Vietnamese first. Pick with the `lang` of useI18n().
import type { Lang } from '../../i18n.ts';

const vi = {
  viewLabel: 'Cách xem thiết bị',
  viewList: 'Danh sách',
  viewMap: 'Bản đồ',
  deviceMap: (unit: string) => `Bản đồ thiết bị của ${unit}`,
  coverageMap: 'Bản đồ phủ sóng bản tin theo xã, phường',
  loading: 'Đang tải ranh giới hành chính…',
  outlineOnly: 'Chưa có ranh giới xã, phường của tỉnh này: bản đồ chỉ vẽ đường biên tỉnh.',
  noCoordinates: (n: number) => `${n} thiết bị chưa có toạ độ nên không hiện trên bản đồ.`,
  legend: 'Chú giải',
  online: 'Trực tuyến',
  offline: 'Mất kết nối',
  maintenance: 'Bảo trì / ngừng dùng',
  never: 'Chưa liên lạc',
  lastSeen: (when: string) => `Liên lạc lần cuối: ${when}`,
  village: (v: string) => `Thôn: ${v}`,
  played: (pct: string) => `Đã phát: ${pct}`,
  notTargeted: 'Không thuộc phạm vi bản tin',
  scaleNone: 'Chưa phát',
  scaleSome: 'Phát một phần',
  scaleAll: 'Đã phát hết',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
};

const en: typeof vi = {
  viewLabel: 'Device view',
  viewList: 'List',
  viewMap: 'Map',
  deviceMap: (unit: string) => `Device map of ${unit}`,
  coverageMap: 'Bulletin coverage map by commune',
  loading: 'Loading the boundaries…',
  outlineOnly: 'No commune boundaries for this province yet: the map shows the province outline only.',
  noCoordinates: (n: number) => `${n} devices have no coordinates and are not on the map.`,
  legend: 'Legend',
  online: 'Online',
  offline: 'Offline',
  maintenance: 'Maintenance / retired',
  never: 'Never seen',
  lastSeen: (when: string) => `Last seen: ${when}`,
  village: (v: string) => `Village: ${v}`,
  played: (pct: string) => `Played: ${pct}`,
  notTargeted: 'Not targeted by the bulletin',
  scaleNone: 'Not played',
  scaleSome: 'Partly played',
  scaleAll: 'Played everywhere',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
};

export function mapStrings(lang: Lang): typeof vi {
  return lang === 'en' ? en : vi;
}
