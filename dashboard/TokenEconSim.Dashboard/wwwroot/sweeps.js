// The sweeps page: the sweep folders; one sweep's summary, its sortable and filterable points table, its charts.
"use strict";
header("sweeps");
const show = v => v == null ? "–" : esc(v);
const num = v => v == null || v === "" ? null : Number(v);

// sweep.json as `silo sweep` and `silo tune` write it (SweepReport): snake_case keys.
function design(j) {
  if (j.mode == null) return null;
  if (j.design != null) return j.design;
  return j.simplex_step != null ? `${j.mode} over the α-β-γ simplex, step ${j.simplex_step}` : j.mode;
}

async function list() {
  const sweeps = await api("/api/sweeps");
  document.getElementById("empty").hidden = sweeps.length > 0;
  document.querySelector("#sweeps tbody").innerHTML = sweeps.map(({ id, sweep: j }) => `<tr>
    <td><a href="/sweeps?id=${encodeURIComponent(id)}">${esc(id)}</a></td>
    <td>${show(j.base_scenario)}</td><td>${show(design(j))}</td><td class="num">${show(j.points)}</td>
    <td class="num">${show(j.runs_total == null ? null : `${j.runs_complete ?? 0} / ${j.runs_total}`)}</td><td>${show(j.objective ?? j.objectives?.join(", "))}</td></tr>`).join("");
}

// 1, 2, 3, 4, 7 → "1–4, 7"
function ranges(seeds) {
  const out = [];
  for (let i = 0; i < seeds.length; i++) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === seeds[j] + 1) j++;
    out.push(j > i + 1 ? `${seeds[i]}–${seeds[j]}` : j === i + 1 ? `${seeds[i]}, ${seeds[j]}` : `${seeds[i]}`);
    i = j;
  }
  return out.join(", ");
}

function summary(s) {
  const j = s.sweep;
  const parameters = s.parameters?.length ? s.parameters : j.parameters ?? [];
  const best = j.best ? `point ${j.best.point}: ${Object.entries(j.best.parameters ?? {}).map(([k, v]) => `${k} = ${v}`).join(", ")}`
    + (j.best.objective_mean != null ? ` — objective ${fmtNumber(j.best.objective_mean)} [${fmtNumber(j.best.objective_ci95_low)}, `
      + `${fmtNumber(j.best.objective_ci95_high)}]` : "") : null;
  const seeds = Array.isArray(j.seeds) ? `${j.seeds.length} (${ranges(j.seeds)})` : j.seeds;
  const rows = [
    ["design", design(j)], ["base scenario", j.base_scenario], ["sweep file", j.sweep_file], ["parameters", parameters.join(", ")],
    ["points", j.points ?? s.points.length], ["seeds per point", seeds],
    ["runs", j.runs_total == null ? null : `${j.runs_complete ?? 0} of ${j.runs_total} complete`
      + (j.status && j.status !== "complete" ? ` (${j.status})` : "")],
    ["objective", j.objective], ["objectives", j.objectives?.join(", ")], ["best point", best],
    ["metrics", j.metrics ? `${j.metrics.length} tabulated; in the table: ${varying(s).join(", ") || "–"}` : null],
  ];
  const same = s.keyMetrics.filter(m => !varying(s).includes(m));
  const first = m => num(s.points[0]?.[s.pointColumns.indexOf(m + "_mean")]);
  const constant = same.filter(m => first(m) != null), empty = same.filter(m => first(m) == null);
  if (constant.length) rows.push(["the same at every point", constant.map(m => `${m} = ${fmtNumber(first(m), 6)}`).join(", ")]);
  if (empty.length) rows.push(["undefined in these runs", empty.join(", ")]);
  if (j.interrupted) rows.push(["note", j.interrupted]);
  if (j.error) rows.push(["error", j.error]);
  document.getElementById("sweep-summary").innerHTML = rows.filter(([, v]) => v != null && v !== "")
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd data-key="${esc(k)}">${esc(v)}</dd>`).join("");
}

// The key metrics worth a column: those whose mean differs between points (one the same everywhere compares nothing).
function varying(s) {
  return s.keyMetrics.filter(m => new Set(s.points.map(r => r[s.pointColumns.indexOf(m + "_mean")])).size > 1 || s.points.length < 2);
}

// The default columns: the point, the swept parameters, the seeds, then each varying key metric as its mean with its
// 95 % CI; "show all columns" gives every column of points.csv as written.
function pointColumns(s, all) {
  const at = name => s.pointColumns.indexOf(name);
  const cell = (i, digits) => r => { const v = num(r[i]); return v == null ? "–" : `<span title="${esc(r[i])}">${fmtNumber(v, digits)}</span>`; };
  if (all) return s.pointColumns.map((c, i) => ({ key: c, label: c, num: true, value: r => num(r[i]), html: cell(i, 6) }));
  const plain = ["point", ...(s.parameters ?? []), "seeds"].filter(c => at(c) >= 0)
    .map(c => ({ key: c, label: c, num: true, value: r => num(r[at(c)]), html: cell(at(c), 6) }));
  const metrics = varying(s).map(m => {
    const [mean, low, high] = ["_mean", "_ci95_low", "_ci95_high"].map(x => at(m + x));
    return {
      key: m, label: m, num: true, title: `${m}: mean over seeds [95 % CI]; click to sort by the mean`, value: r => num(r[mean]),
      html: r => `${cell(mean, 4)(r)}<span class="ci">${low < 0 || num(r[low]) == null ? "" : `[${fmtNumber(num(r[low]))}, ${fmtNumber(num(r[high]))}]`}</span>`,
    };
  });
  return [...plain, ...metrics];
}

// The charts of the table's metrics first, in its order (the objective first), then the others by name: a chart of a
// metric that is the same everywhere, or undefined, says little and comes last. Chart files end with the metric's name,
// dots as underscores (ternary_final_gini.png, line_<parameter>_<metric>.png).
function chartOrder(s) {
  const shown = varying(s), safe = m => m.replace(/[^A-Za-z0-9]+/g, "_");
  const rank = c => {
    const stem = c.replace(/\.png$/, "");
    const hits = shown.map((m, i) => ({ i, n: safe(m).length })).filter(h => stem.endsWith("_" + safe(shown[h.i])));
    return hits.length ? hits.sort((a, b) => b.n - a.n)[0].i : shown.length;
  };
  return [...s.charts].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

// The design as the sweep's file gives it (SweepDesignView, from sweep.yaml): each key's range or values, the sizes, the seeds.
function designSection(s) {
  const d = s.design;
  document.getElementById("design").hidden = !d;
  if (!d) return;
  const goal = o => o.goal === "target" ? `${o.metric} → ${o.target} (target)`
    : `${o.metric} ${o.goal === "maximize" ? "↑" : "↓"} (${o.goal})`;
  const rows = [["mode", d.mode], ["design", d.describe], ["samples", d.samples], ["levels", d.levels], ["design seed", d.designSeed],
    ["population", d.population], ["evaluations", d.evaluations], ["simplex step", d.simplexStep],
    ["seeds per point", `${d.seeds.length} (${ranges(d.seeds)})`], ["objectives", d.objectives?.map(goal).join(", ")]];
  document.getElementById("design-summary").innerHTML = rows.filter(([, v]) => v != null && v !== "")
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd data-key="${esc(k)}">${esc(v)}</dd>`).join("");
  const table = document.getElementById("design-keys");
  table.querySelector("thead").innerHTML =
    "<tr><th>key</th><th class=\"num\">low</th><th class=\"num\">high</th><th>values</th><th>whole numbers</th></tr>";
  table.querySelector("tbody").innerHTML = d.keys.map(k => `<tr><td>${esc(k.key)}</td>
    <td class="num">${k.low == null ? "–" : fmtNumber(k.low, 6)}</td>
    <td class="num">${k.high == null ? "–" : fmtNumber(k.high, 6)}</td><td>${k.values ? esc(k.values.join(", ")) : "–"}</td>
    <td>${k.low == null ? "–" : k.integer ? "yes (rounded)" : "no"}</td></tr>`).join("")
    || `<tr><td colspan="5" class="muted">no key is swept (${esc(d.describe)})</td></tr>`;
}

// A CSV table's columns for a DataTable: numbers formatted (the written value on hover), a metric's [low, high] under its value.
function csvColumns(t, hidden = []) {
  const at = c => t.columns.indexOf(c);
  const cell = (i, digits) => r => {
    const v = num(r[i]);
    return v == null || isNaN(v) ? esc(r[i] || "–") : `<span title="${esc(r[i])}">${fmtNumber(v, digits)}</span>`;
  };
  return t.columns.filter(c => !hidden.includes(c) && !/_ci95_(low|high)$/.test(c)).map(c => {
    const [low, high] = [at(c.replace(/_mean$/, "") + "_ci95_low"), at(c.replace(/_mean$/, "") + "_ci95_high")];
    const ci = r => low < 0 || num(r[low]) == null ? "" : `<span class="ci">[${fmtNumber(num(r[low]))}, ${fmtNumber(num(r[high]))}]</span>`;
    const value = r => { const v = num(r[at(c)]); return v == null || isNaN(v) ? r[at(c)] : v; };
    const numeric = t.rows.some(r => r[at(c)] !== "" && !isNaN(Number(r[at(c)]))); // metric and parameter names read leftwards
    return { key: c, label: c, num: numeric, value, html: r => cell(at(c), 5)(r) + ci(r) };
  });
}

function figures(id, charts, base) {
  document.getElementById(id).innerHTML = charts.map(c =>
    `<figure><img src="${base}/charts/${encodeURIComponent(c)}" alt="${esc(c)}"><figcaption>${esc(c)}</figcaption></figure>`).join("");
}

// A Pareto tune (pareto.csv): every point, the front first and highlighted, and its chart.
function paretoSection(s, base) {
  const t = s.pareto;
  document.getElementById("pareto").hidden = !t;
  if (!t) return;
  const rank = t.columns.indexOf("rank"), front = t.columns.indexOf("on_front");
  const rows = [...t.rows].sort((a, b) => num(a[rank]) - num(b[rank]) || num(a[0]) - num(b[0]));
  const on = rows.filter(r => r[front] === "true").length;
  document.getElementById("pareto-count").textContent = `${on} of ${rows.length} points on the front.`;
  new DataTable(document.getElementById("pareto-table"), null, csvColumns(t), rows, r => r[front] === "true" ? "front" : "");
  figures("pareto-charts", s.charts.filter(c => c.startsWith("pareto")), base);
}

// A sobol or morris sweep (sensitivity.csv, SweepSensitivity): each metric's sensitivity to each parameter, and its charts.
function sensitivitySection(s, base) {
  const t = s.sensitivity;
  document.getElementById("sensitivity").hidden = !t;
  if (!t) return;
  document.getElementById("sensitivity-hint").textContent = t.columns.includes("mu_star")
    ? "Morris screening (sensitivity.csv): μ* is the mean |elementary effect| over the unit range, large = influential; σ large = "
      + "non-linear or interacting. [low, high]: 95 % interval."
    : "Sobol indices (sensitivity.csv): first order = the share of a metric's variance a parameter explains alone; total = with its "
      + "interactions. [low, high]: 95 % interval.";
  new DataTable(document.getElementById("sensitivity-table"), document.getElementById("sensitivity-filter"), csvColumns(t), t.rows);
  figures("sensitivity-charts", s.charts.filter(c => c.startsWith("sensitivity_")), base);
}

async function detail(id) {
  const s = await api(`/api/sweeps/${encodeURIComponent(id)}`);
  document.getElementById("list").hidden = true;
  document.getElementById("detail").hidden = false;
  document.getElementById("sweep-title").textContent = id;
  document.title = `${id} · Sweeps · TokenEconSim`;
  summary(s);
  const base = `/api/sweeps/${encodeURIComponent(id)}`;
  document.getElementById("sweep-files").innerHTML = `Files: <a id="raw-json" href="${base}/sweep.json">sweep.json</a> (the raw summary) · `
    + `<a id="points-csv" href="${base}/points.csv" download>points.csv</a> (every column, for a spreadsheet or pandas)`;

  const table = document.getElementById("points");
  table.addEventListener("rendered", e => document.getElementById("points-count").textContent =
    `${e.detail.shown} of ${e.detail.total} points`);
  const allColumns = document.getElementById("all-columns");
  const points = new DataTable(table, document.getElementById("points-filter"), pointColumns(s, false), s.points);
  allColumns.addEventListener("change", () => points.setColumns(pointColumns(s, allColumns.checked)));

  designSection(s);
  paretoSection(s, base);
  sensitivitySection(s, base);
  // The sensitivity and Pareto charts are shown in their sections; the rest here.
  const others = chartOrder(s).filter(c => !(s.sensitivity && c.startsWith("sensitivity_")) && !(s.pareto && c.startsWith("pareto")));
  const inSections = others.length === 0 && Boolean(s.sensitivity || s.pareto);
  document.getElementById("charts-section").hidden = inSections;
  document.getElementById("no-charts").hidden = others.length > 0 || inSections;
  figures("sweep-charts", others, base);
}

const id = new URLSearchParams(location.search).get("id");
if (id) detail(id).catch(err => showError(err.message));
else list().catch(err => showError(err.message));
