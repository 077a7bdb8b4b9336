import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import './api/bridge';
import { Layout } from './app/Layout';
import { NotFound } from './app/NotFound';
import { DecisionPage } from './routes/accreditation/DecisionPage';
import { StartExternalPage } from './routes/accreditation/StartExternalPage';
import { SubmitPage } from './routes/accreditation/SubmitPage';
import { AssessmentPage } from './routes/assessments/AssessmentPage';
import { PlanPage } from './routes/assessments/PlanPage';
import { ReadinessPage } from './routes/assessments/ReadinessPage';
import { BackupPage } from './routes/backup/BackupPage';
import { ImportBundlePage } from './routes/bundles/ImportBundlePage';
import { TrustedKeysPage } from './routes/bundles/TrustedKeysPage';
import { CertificatePage } from './routes/certificates/CertificatePage';
import { CertificatesPage } from './routes/certificates/CertificatesPage';
import { ExportPdfsPage } from './routes/certificates/ExportPdfsPage';
import { IssueCertificatePage } from './routes/certificates/IssueCertificatePage';
import { VerifyPage } from './routes/certificates/VerifyPage';
import { Dashboard } from './routes/Dashboard';
import { EvidencePage } from './routes/evidence/EvidencePage';
import { EvidenceStorePage } from './routes/evidence/EvidenceStorePage';
import { FrameworkPage } from './routes/frameworks/FrameworkPage';
import { FrameworksPage } from './routes/frameworks/FrameworksPage';
import { ProfilePage } from './routes/profile/ProfilePage';
import { ImportProvidersPage } from './routes/providers/ImportProvidersPage';
import { EditProviderPage, NewProviderPage } from './routes/providers/ProviderFormPage';
import { ProviderPage } from './routes/providers/ProviderPage';
import { ProvidersPage } from './routes/providers/ProvidersPage';
import { NetworkDashboardPage } from './routes/register/NetworkDashboardPage';
import { PublishPage } from './routes/register/PublishPage';
import '../resources/register-site/base.css';
import './styles.css';

// Hash routing works the same from file:// in the desktop window and from the loopback server.
const router = createHashRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Dashboard /> },
      { path: '/providers', element: <ProvidersPage /> },
      { path: '/providers/new', element: <NewProviderPage /> },
      { path: '/providers/import', element: <ImportProvidersPage /> },
      { path: '/providers/:id', element: <ProviderPage /> },
      { path: '/providers/:id/edit', element: <EditProviderPage /> },
      { path: '/providers/:id/external', element: <StartExternalPage /> },
      // One route for both, so moving between domains keeps the screen (and its saved state) mounted.
      { path: '/assessments/:id/domain?/:domain?', element: <AssessmentPage /> },
      { path: '/assessments/:id/evidence', element: <EvidencePage /> },
      { path: '/assessments/:id/readiness', element: <ReadinessPage /> },
      { path: '/assessments/:id/plan', element: <PlanPage /> },
      { path: '/assessments/:id/submit', element: <SubmitPage /> },
      { path: '/assessments/:id/decision', element: <DecisionPage /> },
      { path: '/assessments/:id/certificate', element: <IssueCertificatePage /> },
      { path: '/certificates', element: <CertificatesPage /> },
      { path: '/certificates/pdfs', element: <ExportPdfsPage /> },
      { path: '/certificates/:number', element: <CertificatePage /> },
      { path: '/verify', element: <VerifyPage /> },
      { path: '/bundles', element: <ImportBundlePage /> },
      { path: '/bundles/keys', element: <TrustedKeysPage /> },
      { path: '/profile', element: <ProfilePage /> },
      { path: '/backup', element: <BackupPage /> },
      { path: '/evidence', element: <EvidenceStorePage /> },
      { path: '/frameworks', element: <FrameworksPage /> },
      { path: '/frameworks/:key', element: <FrameworkPage /> },
      { path: '/network', element: <NetworkDashboardPage /> },
      { path: '/register/publish', element: <PublishPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}
