import { AGING_BUCKETS } from '../../../../../electron/core/settlement/shared/settlement.contract';

/** The chart's bars, left to right: not yet due, then the aging buckets. */
export const CHART_BUCKETS = ['notDueCents', ...AGING_BUCKETS] as const;
export type ChartBucket = (typeof CHART_BUCKETS)[number];

/** Not due grey-blue; overdue from yellow to deep red. */
const COLORS: Record<ChartBucket, string> = {
  notDueCents: '#8fa8c8',
  d0_30: '#f6c343',
  d31_60: '#f59a3c',
  d61_90: '#e8603c',
  d90_plus: '#b71c1c',
};

export interface AgingBar {
  bucket: ChartBucket;
  label: string;
  cents: number;
}

/** The bars of the totals row (in 分). */
export function agingBars(totals: Record<ChartBucket, number>, label: (b: ChartBucket) => string): AgingBar[] {
  return CHART_BUCKETS.map((bucket) => ({ bucket, label: label(bucket), cents: totals[bucket] }));
}

/** The ECharts option of the bars: 元 on the axis, exact ¥ text in the tooltip (`money` formats 分). */
export function agingOption(bars: readonly AgingBar[], seriesName: string, money: (cents: number) => string) {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      valueFormatter: (v: unknown) => money(Math.round(Number(v) * 100)),
    },
    legend: { show: false },
    xAxis: { type: 'category' as const, data: bars.map((b) => b.label), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value' as const, axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN') } },
    series: [
      {
        name: seriesName,
        type: 'bar' as const,
        barMaxWidth: 56,
        data: bars.map((b) => ({ value: b.cents / 100, itemStyle: { color: COLORS[b.bucket] } })),
        label: {
          show: true,
          position: 'top' as const,
          formatter: (p: { dataIndex: number }) => (bars[p.dataIndex]?.cents ? money(bars[p.dataIndex].cents) : ''),
        },
      },
    ],
  };
}
