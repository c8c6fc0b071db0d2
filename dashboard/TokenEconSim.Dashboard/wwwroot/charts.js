// The run page's charts come from the server (/api/charts), which builds them from the metric
// declarations: a chart whose columns the run does not have is left out.
"use strict";
let runCharts = [];
const chartsReady = api("/api/charts").then(specs => { runCharts = specs; });

// The specs a run with these columns can draw: series with missing columns dropped.
function chartsFor(columns) {
  return runCharts.map(c => {
    const series = c.series.filter(s => columns.includes(s.col));
    return { ...c, series, y2: series.some(s => s.axis === 2) ? c.y2 : undefined };
  }).filter(c => c.series.length > 0);
}
