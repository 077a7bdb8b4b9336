import { useId } from 'react';

export interface BarRow {
  key: string;
  label: string;
  /** One value per series, in the order of `series`. */
  values: number[];
}

/**
 * A chart that is a table: each row's figures are written out, and the bars beside them are a
 * picture of the same figures (hidden from assistive technology, which reads the numbers).
 * Series are told apart by pattern as well as colour.
 */
export function BarChart({
  caption,
  rowHeading,
  series,
  rows,
}: {
  caption: string;
  rowHeading: string;
  series: string[];
  rows: BarRow[];
}) {
  const id = useId();
  const max = Math.max(1, ...rows.map((row) => row.values.reduce((sum, value) => sum + value, 0)));
  return (
    <figure className="bar-chart" aria-labelledby={id}>
      <figcaption id={id} className="bar-chart-caption">
        {caption}
      </figcaption>
      {series.length > 1 ? (
        <ul className="bar-legend" aria-hidden="true">
          {series.map((name, index) => (
            <li key={name}>
              <span className={`bar-swatch bar-series-${index}`} /> {name}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="table-wrap">
        <table className="table bar-table">
          <thead>
            <tr>
              <th scope="col">{rowHeading}</th>
              {series.map((name) => (
                <th scope="col" key={name} className="bar-number">
                  {name}
                </th>
              ))}
              <td className="bar-picture" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, index) => (
                  <td key={series[index]} className="bar-number">
                    {value.toLocaleString('en-GB')}
                  </td>
                ))}
                <td className="bar-picture" aria-hidden="true">
                  <span className="bar-track">
                    {row.values.map((value, index) =>
                      value > 0 ? (
                        <span
                          key={series[index]}
                          className={`bar bar-series-${index}`}
                          style={{ width: `${(100 * value) / max}%` }}
                        />
                      ) : null,
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
