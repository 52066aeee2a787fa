import { Spin } from 'antd';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

type Setup = typeof import('./echarts-setup.ts');
let setup: Promise<Setup> | undefined;
function loadSetup(): Promise<Setup> {
  setup ??= import('./echarts-setup.ts').catch((e: unknown) => {
    setup = undefined;
    throw e;
  });
  return setup;
}

/**
 * One ECharts chart: the library is fetched the first time a chart is shown, the chart follows
 * its box's size, takes a new option as it comes and is disposed with the component.
 */
export function EChart({ option, height = 300, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);
  const [ready, setReady] = useState(false);
  latest.current = option;

  useEffect(() => {
    let gone = false;
    let observer: ResizeObserver | undefined;
    void loadSetup().then(({ init }) => {
      const el = box.current;
      if (gone || !el) return;
      const c = init(el, undefined, { renderer: 'canvas' });
      c.setOption(latest.current);
      chart.current = c;
      observer = new ResizeObserver(() => {
        if (el.clientWidth > 0 && el.clientHeight > 0) c.resize();
      });
      observer.observe(el);
      setReady(true);
    });
    return () => {
      gone = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div
        ref={box}
        role="img"
        aria-label={label}
        data-chart={label}
        data-ready={ready ? 'true' : 'false'}
        style={{ width: '100%', height }}
      />
      {!ready && <Spin style={{ position: 'absolute', inset: 0, margin: 'auto', height: 32 }} />}
    </div>
  );
}
