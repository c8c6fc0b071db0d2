// The sweeps page: sweep folders, then one sweep's ternary charts and its points table.
"use strict";
header("sweeps");
const field = (o, ...names) => { for (const n of names) if (o && o[n] != null) return o[n]; return null; };
const show = v => v == null ? "–" : typeof v === "object" ? esc(JSON.stringify(v)) : esc(v);

async function list() {
  const sweeps = await api("/api/sweeps");
  document.getElementById("empty").hidden = sweeps.length > 0;
  document.querySelector("#sweeps tbody").innerHTML = sweeps.map(s => {
    const j = s.sweep, runs = field(j, "runs", "runs_total", "runsTotal");
    const done = field(j, "runs_complete", "runsComplete");
    return `<tr><td><a href="/sweeps?id=${encodeURIComponent(s.id)}">${esc(s.id)}</a></td>
      <td>${show(field(j, "base", "base_scenario", "baseScenario", "scenario"))}</td><td>${show(field(j, "mode"))}</td>
      <td class="num">${show(Array.isArray(field(j, "points")) ? field(j, "points").length : field(j, "points"))}</td>
      <td class="num">${show(done != null && typeof runs !== "object" ? `${done} / ${runs}` : runs)}</td><td>${show(field(j, "objective"))}</td></tr>`;
  }).join("");
}

async function detail(id) {
  const s = await api(`/api/sweeps/${encodeURIComponent(id)}`);
  document.getElementById("detail").hidden = false;
  document.getElementById("sweep-title").textContent = id;
  document.getElementById("sweep-json").textContent = JSON.stringify(s.sweep, null, 2);
  document.getElementById("sweep-charts").innerHTML = s.charts.map(c =>
    `<figure><img src="/api/sweeps/${encodeURIComponent(id)}/charts/${encodeURIComponent(c)}" alt="${esc(c)}"><figcaption>${esc(c)}</figcaption></figure>`).join("");
  document.querySelector("#points thead").innerHTML = `<tr>${s.pointColumns.map(c => `<th>${esc(c)}</th>`).join("")}</tr>`;
  document.querySelector("#points tbody").innerHTML = s.points.map(r => `<tr>${r.map(c => `<td class="num">${esc(c)}</td>`).join("")}</tr>`).join("");
}

list();
const id = new URLSearchParams(location.search).get("id");
if (id) detail(id).catch(err => { document.getElementById("detail").hidden = false; document.getElementById("sweep-title").textContent = err.message; });
