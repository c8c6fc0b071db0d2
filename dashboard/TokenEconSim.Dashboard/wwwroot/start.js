// The start page: pick a scenario, set seed, epochs and α/β/γ, start, and go to the live page.
"use strict";
(async () => {
  const info = await header("start");
  if (info.tokenRequired) document.querySelectorAll(".token").forEach(e => e.hidden = false);
  document.getElementById("token").value = localStorage.getItem(tokenKey) || "";
  const scenarios = await api("/api/scenarios");
  document.getElementById("scenario").innerHTML = scenarios.map(s => `<option${s === "baseline.yaml" ? " selected" : ""}>${esc(s)}</option>`).join("");
})();

document.getElementById("start").addEventListener("submit", async e => {
  e.preventDefault();
  const value = name => document.getElementById(name).value.trim();
  const body = { scenario: value("scenario"), overrides: {} };
  if (value("seed") !== "") body.seed = Number(value("seed"));
  if (value("epochs") !== "") body.epochs = Number(value("epochs"));
  for (const w of ["alpha", "beta", "gamma"]) if (value(w) !== "") body.overrides[w] = Number(value(w));
  const token = value("token");
  if (token) localStorage.setItem(tokenKey, token);
  showError(null);
  document.getElementById("submit").disabled = true;
  try {
    const run = await api("/api/runs", { method: "POST", headers: { "Content-Type": "application/json", ...authHeaders(token) }, body: JSON.stringify(body) });
    location.href = `/runs/${encodeURIComponent(run.id)}`;
  } catch (err) {
    showError(err.message);
    document.getElementById("submit").disabled = false;
  }
});
