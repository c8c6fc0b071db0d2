// The comparison page: chosen metrics of two or more runs overlaid, one chart per metric.
"use strict";
header("compare");
const params = new URLSearchParams(location.search);
const chosenRuns = new Set((params.get("runs") || "").split(",").filter(Boolean));
const chosenMetrics = new Set((params.get("metrics") || "supply,inflation,gini,mean_block_time").split(",").filter(Boolean));
const tables = new Map(); // run id -> { columns, rows }

async function load(id) {
  if (!tables.has(id)) tables.set(id, await api(`/api/runs/${encodeURIComponent(id)}/metrics`));
  return tables.get(id);
}

function picks(containerId, items, chosen, label) {
  document.getElementById(containerId).innerHTML = items.map(i =>
    `<label><input type="checkbox" value="${esc(i)}" ${chosen.has(i) ? "checked" : ""}> ${esc(label ? label(i) : i)}</label>`).join("");
}

async function init() {
  const runs = await api("/api/runs");
  picks("run-pick", runs.map(r => r.id), chosenRuns, id => { const r = runs.find(x => x.id === id); return `${id} (${r.status})`; });
  const columns = runs.length ? (await load(runs.find(r => chosenRuns.has(r.id))?.id ?? runs[0].id)).columns : [];
  picks("metric-pick", columns.filter(c => c !== "epoch"), chosenMetrics);
  if (chosenRuns.size >= 2) draw();
}

async function draw() {
  const checked = id => [...document.querySelectorAll(`#${id} input:checked`)].map(i => i.value);
  const ids = checked("run-pick"), metrics = checked("metric-pick");
  if (ids.length < 2 || metrics.length < 1) { showError("Choose two or more runs and at least one metric."); return; }
  showError(null);
  history.replaceState(null, "", `/compare?runs=${ids.map(encodeURIComponent).join(",")}&metrics=${metrics.join(",")}`);
  const data = await Promise.all(ids.map(load));
  const box = document.getElementById("charts");
  box.innerHTML = "";
  const width = chartWidth(box);
  for (const metric of metrics) {
    const chart = new MetricChart(box, { title: metric.replaceAll("_", " "), y: metric, series: ids.map(id => ({ col: id, label: id })) }, width);
    // One table per chart: x = epoch, one column per run (runs of different lengths leave gaps).
    const n = Math.max(...data.map(d => d.rows.length));
    const rows = [];
    for (let e = 0; e < n; e++) rows.push([e, ...data.map(d => { const c = d.columns.indexOf(metric); return c < 0 || !d.rows[e] ? null : d.rows[e][c]; })]);
    chart.append(["epoch", ...ids], rows);
  }
}

document.getElementById("draw").addEventListener("click", draw);
init().catch(err => showError(err.message));
