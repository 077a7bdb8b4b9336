import { NavLink, Outlet } from 'react-router';

/** The app's sections, in the order the main navigation lists them. */
const SECTIONS = [
  { to: '/', label: 'Dashboard' },
  { to: '/providers', label: 'Providers' },
  { to: '/evidence', label: 'Evidence store' },
  { to: '/frameworks', label: 'Standards' },
  { to: '/network', label: 'Network' },
  { to: '/register/publish', label: 'Publish register' },
  { to: '/certificates', label: 'Certificates' },
  { to: '/verify', label: 'Verify' },
  { to: '/bundles', label: 'Bundles' },
  { to: '/backup', label: 'Backup' },
  { to: '/profile', label: 'Your profile' },
];

export function Layout() {
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              SP
            </span>
            SPQA <span className="brand-sub">Social prescribing quality assurance</span>
          </span>
          <nav aria-label="Main">
            <ul className="nav">
              {SECTIONS.map(({ to, label }) => (
                <li key={to}>
                  <NavLink to={to} end={to === '/'}>
                    {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
    </>
  );
}
