// The run page's charts: which metrics.csv columns each one draws. A chart whose columns the run
// does not have (e.g. model accuracy before learning metrics exist) is left out.
"use strict";
const roles = [["provider", "data providers"], ["trainer", "trainers"], ["user", "service users"], ["validator", "validators"], ["miner", "miners"]];
const runCharts = [
  { title: "Supply and inflation", y: "supply (tokens)", y2: "inflation (% per epoch)",
    series: [{ col: "supply", label: "supply" }, { col: "inflation", label: "inflation %", axis: 2, scale: 100 }] },
  { title: "Rewards per role", y: "tokens per epoch",
    series: roles.map(([k, t]) => ({ col: `reward_total_${k}`, label: t })) },
  { title: "Gini of balances", y: "Gini coefficient", series: [{ col: "gini", label: "Gini" }] },
  { title: "Difficulty vs hashrate", y: "difficulty", y2: "hashrate",
    series: [{ col: "difficulty", label: "difficulty" }, { col: "hashrate", label: "hashrate (true)", axis: 2 },
      { col: "hashrate_estimated", label: "hashrate (from blocks)", axis: 2 }, { col: "hashrate_predicted", label: "hashrate (LSTM forecast)", axis: 2, whenFilled: true }] },
  { title: "Block time", y: "seconds between blocks",
    series: [{ col: "mean_block_time", label: "mean" }, { col: "block_time_p99", label: "99th percentile" }, { col: "block_time_sd", label: "std. deviation" }] },
  // Every run has the column since federated learning exists; only learning runs fill it.
  { title: "Model accuracy", y: "accuracy", match: /accuracy/, whenFilled: true },
  { title: "Reward weights α, β, γ", y: "weight", range: [0, 1], series: [{ col: "alpha", label: "α (data)" }, { col: "beta", label: "β (training)" }, { col: "gamma", label: "γ (usage)" }] },
];

// The specs a run with these columns can draw: series with missing columns dropped, "match" expanded.
function chartsFor(columns) {
  return runCharts.map(c => {
    const series = c.match ? columns.filter(n => c.match.test(n)).map(n => ({ col: n, label: n.replaceAll("_", " ") }))
      : c.series.filter(s => columns.includes(s.col));
    return { ...c, series, y2: series.some(s => s.axis === 2) ? c.y2 : undefined };
  }).filter(c => c.series.length > 0);
}
