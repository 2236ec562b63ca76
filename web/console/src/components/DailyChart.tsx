import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

export interface Series {
  label: string;
  values: number[];
  colour: string;
}

/** A line chart of daily figures (uPlot); the same figures are in a table beside it for those who do not see it. */
export function DailyChart({ title, days, series, format, axis, day, dayLabel }: {
  title: string;
  days: string[];
  series: Series[];
  /** A value in the legend. */
  format: (n: number) => string;
  /** A value on the axis (short). */
  axis: (n: number) => string;
  /** A day (YYYY-MM-DD) as people read it. */
  day: (isoDay: string) => string;
  dayLabel: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const xs = days.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000);
    const chart = new uPlot(
      {
        width: element.clientWidth || 600,
        height: 220,
        series: [{ label: dayLabel, value: (_: uPlot, v: number | null) => (v === null ? '—' : day(isoDay(v))) }, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, value: (_: uPlot, v: number | null) => (v === null ? '—' : format(v)) }))],
        axes: [{ values: (_: uPlot, ticks: number[]) => ticks.map((v) => day(isoDay(v))) }, { values: (_: uPlot, ticks: number[]) => ticks.map(axis), size: 70 }],
        scales: { x: { time: true } },
      },
      [xs, ...series.map((s) => s.values)],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: 220 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, series, format, axis, day, dayLabel]);
  return <div ref={box} className="chart" role="img" aria-label={title} />;
}
