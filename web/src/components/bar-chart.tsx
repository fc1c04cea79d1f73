import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([EBarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface Bar {
  key: string;
  label: string;
  value: number;
}

/** A horizontal bar chart (ECharts, only the parts it needs); clicking a bar drills down to its records. */
export function BarChart({ bars, onSelect, height, testId }: { bars: Bar[]; onSelect?: (key: string) => void; height?: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    const ordered = [...bars].reverse();
    chart.setOption({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: ordered.map((b) => b.label), axisLabel: { width: 180, overflow: 'truncate' } },
      series: [{ type: 'bar', data: ordered.map((b) => b.value), itemStyle: { color: '#1f5fbf' }, label: { show: true, position: 'right' }, cursor: onSelect ? 'pointer' : 'default' }],
    });
    chart.on('click', (event) => {
      const bar = ordered[event.dataIndex];
      if (bar && onSelect) onSelect(bar.key);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, onSelect]);
  return <div ref={element} style={{ width: '100%', height: height ?? Math.max(160, bars.length * 28 + 24) }} data-testid={testId} />;
}
