interface Bar {
  code: string;
  title: string;
  scorePercent: number;
  progressPercent: number;
}

/**
 * One horizontal bar per domain with the framework's thresholds marked. The chart is an image
 * for sighted readers; the same figures are in the table that follows it, so nothing is lost.
 */
export function DomainChart({
  bars,
  accreditedMin,
  conditionalMin,
  id,
}: {
  bars: Bar[];
  accreditedMin: number;
  conditionalMin: number;
  id: string;
}) {
  const rowHeight = 36;
  const labelWidth = 260;
  const plotWidth = 420;
  const height = bars.length * rowHeight + 40;
  const x = (percent: number) => labelWidth + (plotWidth * percent) / 100;
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${labelWidth + plotWidth + 60} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>Score by domain</title>
        <desc id={`${id}-desc`}>
          {bars.map((b) => `${b.title}: ${b.scorePercent}%`).join('; ')}. Accreditation needs at
          least {accreditedMin}% in every domain.
        </desc>
        {bars.map((b, i) => {
          const y = 10 + i * rowHeight;
          const band =
            b.scorePercent >= accreditedMin
              ? 'good'
              : b.scorePercent >= conditionalMin
                ? 'fair'
                : 'weak';
          return (
            <g key={b.code}>
              <text x={labelWidth - 10} y={y + 17} textAnchor="end" className="chart-label">
                {b.title.length > 34 ? `${b.title.slice(0, 32)}…` : b.title}
              </text>
              <rect
                x={labelWidth}
                y={y + 2}
                width={plotWidth}
                height={22}
                className="chart-track"
              />
              <rect
                x={labelWidth}
                y={y + 2}
                width={(plotWidth * b.scorePercent) / 100}
                height={22}
                className={`chart-bar chart-${band}`}
              />
              <text x={x(b.scorePercent) + 6} y={y + 18} className="chart-value">
                {b.scorePercent}%
              </text>
            </g>
          );
        })}
        <line
          x1={x(accreditedMin)}
          x2={x(accreditedMin)}
          y1={4}
          y2={height - 26}
          className="chart-threshold"
        />
        <text x={x(accreditedMin)} y={height - 10} textAnchor="middle" className="chart-label">
          {accreditedMin}% needed
        </text>
      </svg>
      <figcaption className="visually-hidden">
        Score by domain, also given in the table below.
      </figcaption>
    </figure>
  );
}
