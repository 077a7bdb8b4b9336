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
  const across = (percent: number) => labelWidth + (plotWidth * percent) / 100;
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
          {bars.map((bar) => `${bar.title}: ${bar.scorePercent}%`).join('; ')}. Accreditation needs
          at least {accreditedMin}% in every domain.
        </desc>
        {bars.map((bar, index) => {
          const top = 10 + index * rowHeight;
          const band =
            bar.scorePercent >= accreditedMin
              ? 'good'
              : bar.scorePercent >= conditionalMin
                ? 'fair'
                : 'weak';
          return (
            <g key={bar.code}>
              <text x={labelWidth - 10} y={top + 17} textAnchor="end" className="chart-label">
                {bar.title.length > 34 ? `${bar.title.slice(0, 32)}…` : bar.title}
              </text>
              <rect
                x={labelWidth}
                y={top + 2}
                width={plotWidth}
                height={22}
                className="chart-track"
              />
              <rect
                x={labelWidth}
                y={top + 2}
                width={(plotWidth * bar.scorePercent) / 100}
                height={22}
                className={`chart-bar chart-${band}`}
              />
              <text x={across(bar.scorePercent) + 6} y={top + 18} className="chart-value">
                {bar.scorePercent}%
              </text>
            </g>
          );
        })}
        <line
          x1={across(accreditedMin)}
          x2={across(accreditedMin)}
          y1={4}
          y2={height - 26}
          className="chart-threshold"
        />
        <text x={across(accreditedMin)} y={height - 10} textAnchor="middle" className="chart-label">
          {accreditedMin}% needed
        </text>
      </svg>
      <figcaption className="visually-hidden">
        Score by domain, also given in the table below.
      </figcaption>
    </figure>
  );
}
