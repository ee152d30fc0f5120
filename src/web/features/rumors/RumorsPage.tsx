// Tin sai sự thật: the desk's pages under /rumors — the case list (/rumors), one case (/rumors/ID), the staff entry
// form (/rumors/new), press and web monitoring (/rumors/monitoring), the figures (/rumors/figures) and the legal
// bases (/rumors/legal-bases).
import { lazy } from 'react';
import { CaseList } from './CaseList.tsx';

const CaseDetail = lazy(() => import('./CaseDetail.tsx').then((m) => ({ default: m.CaseDetail })));
const ReportEntryForm = lazy(() => import('./ReportEntryForm.tsx').then((m) => ({ default: m.ReportEntryForm })));
const MonitoringPage = lazy(() => import('./MonitoringPage.tsx').then((m) => ({ default: m.MonitoringPage })));
const LegalBasesPage = lazy(() => import('./LegalBasesPage.tsx').then((m) => ({ default: m.LegalBasesPage })));
const FiguresPage = lazy(() => import('./FiguresPage.tsx').then((m) => ({ default: m.FiguresPage })));

export function RumorsPage({ path }: { path: string[] }) {
  const [first] = path;
  if (first === 'new') return <ReportEntryForm />;
  if (first === 'monitoring') return <MonitoringPage />;
  if (first === 'figures') return <FiguresPage />;
  if (first === 'legal-bases') return <LegalBasesPage />;
  if (first) return <CaseDetail key={first} id={first} />;
  return <CaseList />;
}
