import { useState } from 'react';
import { Link } from 'react-router';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatDate } from '../../components/labels';
import { LoadError, Loading, Page } from '../../components/Page';
import { certificateStatusBadge, certificateStatusLabel } from './labels';

/** Every certificate this installation has issued, with its status today. */
export function CertificatesPage() {
  const state = useLoad(() => invoke('certificates.list', {}), []);
  const [search, setSearch] = useState('');
  if (state.error)
    return (
      <Page title="Certificates">
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title="Certificates">
        <Loading what="the certificates" />
      </Page>
    );
  const term = search.trim().toLowerCase();
  const shown = state.data.filter(
    (c) =>
      !term || c.number.toLowerCase().includes(term) || c.holderName.toLowerCase().includes(term),
  );
  return (
    <Page
      title="Certificates"
      actions={
        <>
          {state.data.length > 0 ? (
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
      {state.data.length === 0 ? (
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
            {shown.length === state.data.length
              ? `${state.data.length} ${state.data.length === 1 ? 'certificate' : 'certificates'}`
              : `${shown.length} of ${state.data.length} certificates match`}
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Certificates issued</caption>
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Holder</th>
                  <th scope="col">Status</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Expires</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.number}>
                    <th scope="row">
                      <Link to={`/certificates/${c.number}`}>{c.number}</Link>
                    </th>
                    <td>
                      <Link to={`/providers/${c.providerId}`}>{c.holderName}</Link>
                    </td>
                    <td>
                      <span className={certificateStatusBadge(c.status)}>
                        {certificateStatusLabel(c.status)}
                      </span>
                    </td>
                    <td>{formatDate(c.issuedOn)}</td>
                    <td>{formatDate(c.expiresOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
