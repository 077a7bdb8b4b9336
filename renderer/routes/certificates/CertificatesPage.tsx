import { useState } from 'react';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../shared/contract';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatDate } from '../../components/labels';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { CertificateStatusBadge } from './CertificateStatusBadge';

const TITLE = 'Certificates';

type Listed = MethodOutput<'certificates.list'>;

/** Every certificate this installation has issued, with its status today. */
export function CertificatesPage() {
  const state = useLoad(() => invoke('certificates.list', {}), []);
  return (
    <LoadedPage title={TITLE} state={state} what="the certificates">
      {(certificates) => <Certificates certificates={certificates} />}
    </LoadedPage>
  );
}

function Certificates({ certificates }: { certificates: Listed }) {
  const [search, setSearch] = useState('');
  const term = search.trim().toLowerCase();
  const shown = certificates.filter(
    (certificate) =>
      !term ||
      certificate.number.toLowerCase().includes(term) ||
      certificate.holderName.toLowerCase().includes(term),
  );
  return (
    <Page
      title={TITLE}
      actions={
        <>
          {certificates.length > 0 ? (
            <Link className="button secondary" to="/certificates/pdfs">
              Save PDFs…
            </Link>
          ) : null}
          <Link className="button secondary" to="/verify">
            Verify a certificate
          </Link>
        </>
      }
    >
      <p className="lede">
        Certificates are issued from the decision on an external assessment. Open one to suspend,
        reinstate, withdraw or reissue it, or to save its files.
      </p>
      {certificates.length === 0 ? (
        <p>No certificates have been issued yet.</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="certificate-search">Search by number or holder</label>
            <input
              id="certificate-search"
              type="search"
              className="input input-medium"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <p role="status" className="muted">
            {shown.length === certificates.length
              ? plural(certificates.length, 'certificate', 'certificates')
              : `${shown.length} of ${certificates.length} certificates match`}
          </p>
          <Table
            caption="Certificates issued"
            hideCaption
            headings={['Number', 'Holder', 'Status', 'Issued', 'Expires']}
          >
            {shown.map((certificate) => (
              <tr key={certificate.number}>
                <th scope="row">
                  <Link to={`/certificates/${certificate.number}`}>{certificate.number}</Link>
                </th>
                <td>
                  <Link to={`/providers/${certificate.providerId}`}>{certificate.holderName}</Link>
                </td>
                <td>
                  <CertificateStatusBadge status={certificate.status} />
                </td>
                <td>{formatDate(certificate.issuedOn)}</td>
                <td>{formatDate(certificate.expiresOn)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </Page>
  );
}
