// The comparison page: pick runs from a filterable, sortable table (name, scenario, seed, start, key results) and metrics,
// then chosen metrics of two or more runs are overlaid, one chart per metric.
"use strict";
header("compare");
const params = new URLSearchParams(location.search);
const chosenRuns = new Set((params.get("runs") || "").split(",").filter(Boolean));
const chosenMetrics = new Set((params.get("metrics") || "supply,inflation,gini,mean_block_time").split(",").filter(Boolean));
const tables = new Map(); // run id -> { columns, rows }

// The key results shown beside each run (summary.json), when some run has them.
const resultColumns = [["final_supply", "final supply"], ["final_gini", "final Gini"], ["mean_inflation", "mean inflation"],
  ["final_accuracy", "final accuracy"], ["mean_block_time", "mean block time (s)"]];

async function load(id) {
  if (!tables.has(id)) tables.set(id, await api(`/api/runs/${encodeURIComponent(id)}/metrics`));
  return tables.get(id);
}

function started(r) { return r.startedUtc.replace("T", " ").slice(0, 19); }

function runColumns(runs) {
  const text = (key, label, get) => ({ key, label, value: get, html: r => esc(get(r) ?? "–") });
  const results = resultColumns.filter(([k]) => runs.some(r => r.results?.[k] != null)).map(([k, label]) => ({
    key: k, label, num: true, value: r => r.results?.[k] ?? null, html: r => r.results?.[k] == null ? "–" : esc(fmtNumber(r.results[k], 6)),
  }));
  return [
    { key: "pick", label: "", value: () => "", html: r => `<input type="checkbox" data-id="${esc(r.id)}" ${chosenRuns.has(r.id) ? "checked" : ""} `
      + `aria-label="compare ${esc(r.id)}">` },
    { key: "id", label: "run", value: r => r.id, html: r => `<a href="/runs/${encodeURIComponent(r.id)}">${esc(r.id)}</a>` },
    { key: "scenario", label: "scenario", value: r => r.scenario ?? r.name,
      html: r => `<span title="${esc(r.scenario ?? r.name)}">${esc((r.scenario ?? r.name).split("/").pop())}</span>` },
    { key: "seed", label: "seed", num: true, value: r => r.seed, html: r => esc(r.seed ?? "–") },
    text("started", "started (UTC)", started),
    { key: "epochs", label: "epochs", num: true, value: r => r.epochsDone, html: r => esc(r.epochsDone) },
    text("status", "status", r => r.status),
    ...results,
  ];
}

function showChosen() {
  document.getElementById("run-chosen").textContent = chosenRuns.size ? `${chosenRuns.size} chosen: ${[...chosenRuns].join(", ")}` : "none chosen";
}

function metricPick(columns) {
  document.getElementById("metric-pick").innerHTML = columns.filter(c => c !== "epoch").map(c =>
    `<label data-metric="${esc(c)}"><input type="checkbox" value="${esc(c)}" ${chosenMetrics.has(c) ? "checked" : ""}> ${esc(c)}</label>`).join("");
}

async function init() {
  // The runs already chosen (a shared link) first, then newest first as listed.
  const listed = await api("/api/runs");
  const runs = [...listed.filter(r => chosenRuns.has(r.id)), ...listed.filter(r => !chosenRuns.has(r.id))];
  await chartsReady.catch(() => {});
  const pick = document.getElementById("run-pick");
  pick.addEventListener("rendered", e => document.getElementById("run-count").textContent =
    e.detail.shown === e.detail.total ? `(${e.detail.total})` : `(${e.detail.shown} of ${e.detail.total} shown)`);
  new DataTable(pick, document.getElementById("run-filter"), runColumns(runs), runs);
  pick.addEventListener("change", e => {
    const id = e.target.dataset.id;
    if (!id) return;
    e.target.checked ? chosenRuns.add(id) : chosenRuns.delete(id);
    showChosen();
  });
  showChosen();
  const first = runs.find(r => chosenRuns.has(r.id)) ?? runs.find(r => r.status === "completed") ?? runs[0];
  metricPick(first ? (await load(first.id)).columns : []);
  if (chosenRuns.size >= 2) draw();
}

document.getElementById("metric-filter").addEventListener("input", e => {
  const words = e.target.value.toLowerCase().split(/\s+/).filter(Boolean);
  document.querySelectorAll("#metric-pick label").forEach(l => l.hidden = !words.every(w => l.dataset.metric.toLowerCase().includes(w)));
});

// A metric's axis title with its unit, as the run page's chart that draws it has it (difficulty (× 2³² hashes per block),
// supply (tokens)); the column's name when no run-page chart draws it as it is.
function axisTitle(metric) {
  for (const c of runCharts) {
    const s = c.series.find(x => x.col === metric);
    // A series the run page scales (inflation in % per epoch) is labelled for its scaled values: not these.
    if (s && (s.scale ?? 1) === 1) return (s.axis === 2 ? c.y2 : c.y) || metric;
  }
  return metric;
}

async function draw() {
  const ids = [...chosenRuns];
  const metrics = [...document.querySelectorAll("#metric-pick input:checked")].map(i => i.value);
  if (ids.length < 2 || metrics.length < 1) { showError("Choose two or more runs and at least one metric."); return; }
  showError(null);
  history.replaceState(null, "", `/compare?runs=${ids.map(encodeURIComponent).join(",")}&metrics=${metrics.join(",")}`);
  const data = await Promise.all(ids.map(load));
  const box = document.getElementById("charts");
  box.innerHTML = "";
  const width = chartWidth(box);
  for (const metric of metrics) {
    const chart = new MetricChart(box, { title: metric.replaceAll("_", " "), y: axisTitle(metric), series: ids.map(id => ({ col: id, label: id })) },
      width);
    // One table per chart: x = epoch, one column per run (runs of different lengths leave gaps).
    const n = Math.max(...data.map(d => d.rows.length));
    const rows = [];
    for (let e = 0; e < n; e++) rows.push([e, ...data.map(d => { const c = d.columns.indexOf(metric); return c < 0 || !d.rows[e] ? null : d.rows[e][c]; })]);
    chart.append(["epoch", ...ids], rows);
  }
}

document.getElementById("draw").addEventListener("click", draw);
init().catch(err => showError(err.message));
