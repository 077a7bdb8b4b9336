import { NavLink, Outlet } from 'react-router';

export function Layout() {
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
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
              <li>
                <NavLink to="/" end>
                  Dashboard
                </NavLink>
              </li>
              <li>
                <NavLink to="/providers">Providers</NavLink>
              </li>
              <li>
                <NavLink to="/evidence">Evidence store</NavLink>
              </li>
              <li>
                <NavLink to="/frameworks">Standards</NavLink>
              </li>
              <li>
                <NavLink to="/network">Network</NavLink>
              </li>
              <li>
                <NavLink to="/register/publish">Publish register</NavLink>
              </li>
              <li>
                <NavLink to="/certificates">Certificates</NavLink>
              </li>
              <li>
                <NavLink to="/verify">Verify</NavLink>
              </li>
              <li>
                <NavLink to="/bundles">Bundles</NavLink>
              </li>
              <li>
                <NavLink to="/backup">Backup</NavLink>
              </li>
              <li>
                <NavLink to="/profile">Your profile</NavLink>
              </li>
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
