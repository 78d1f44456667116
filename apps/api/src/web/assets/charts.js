// Progressive enhancement: the tables of the page carry every figure; where JavaScript runs, uPlot draws them.
import uPlot from '/assets/uplot/uPlot.esm.js';


const numberFr = new Intl.NumberFormat('fr-FR');

function timeline(container, data) {
  const xs = data.map((b) => Date.parse(`${b.start}T00:00:00Z`) / 1000);
  const width = Math.max(320, container.clientWidth || 640);
  new uPlot(
    {
      title: 'Personnes touchées (cumul) et cafés tenus par semaine',
      width,
      height: 300,
      series: [
        {},
        { label: 'Personnes touchées (cumul)', stroke: '#000091', width: 2, value: (_u, v) => (v == null ? '—' : numberFr.format(v)) },
        { label: 'Cafés tenus dans la semaine', stroke: '#c9191e', width: 1, scale: 'cafes', value: (_u, v) => (v == null ? '—' : numberFr.format(v)) },
      ],
      axes: [{}, { values: (_u, ticks) => ticks.map((t) => numberFr.format(t)) }, { side: 1, scale: 'cafes', grid: { show: false } }],
      scales: { x: { time: true } },
    },
    [xs, data.map((b) => b.peopleReached), data.map((b) => b.cafesHeld)],
    container,
  );
}

function bars(container, data) {
  const xs = data.items.map((_item, i) => i);
  new uPlot(
    {
      title: data.title,
      width: Math.max(320, container.clientWidth || 640),
      height: 260,
      series: [{}, { label: data.label, fill: '#6a6af4', stroke: '#000091', paths: uPlot.paths.bars({ size: [0.6] }), points: { show: false } }],
      axes: [{ values: (_u, ticks) => ticks.map((t) => data.items[t]?.label ?? '') }, { values: (_u, ticks) => ticks.map((t) => numberFr.format(t)) }],
      scales: { x: { time: false } },
    },
    [xs, data.items.map((item) => item.value)],
    container,
  );
}

for (const container of document.querySelectorAll('[data-chart]')) {
  const source = document.getElementById(`${container.dataset.chart}-data`);
  if (!source || !uPlot) continue;
  const data = JSON.parse(source.textContent);
  if (container.dataset.chart === 'timeline') timeline(container, data);
  else bars(container, data);
}
