/** One figure in a row of summary cards (a `<ul className="cards">`), with what it counts. */
export function StatCard({ figure, label }: { figure: number; label: string }) {
  return (
    <li className="card">
      <span className="card-figure">{figure.toLocaleString('en-GB')}</span>
      <span className="card-label">{label}</span>
    </li>
  );
}
