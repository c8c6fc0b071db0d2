"""The package against the real simulator: a run, a sweep and the files' documented dtypes (docs/model.md §15.2)."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import tokeneconsim as tes
from tokeneconsim import files
from tokeneconsim.cli import call

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    return tes.run(SCENARIOS / "baseline.yaml", seed=5, overrides={"run.epochs": 3}, out=tmp_path_factory.mktemp("runs"))


@pytest.fixture(scope="module")
def responding(tmp_path_factory):
    return tes.run(SCENARIOS / "incentives-synthetic.yaml", overrides={"run.epochs": 4}, out=tmp_path_factory.mktemp("runs"))


def test_metrics_have_one_dtype_per_column_and_carry_the_run_id(baseline):
    metrics = baseline.metrics
    assert len(metrics) == 3
    assert metrics["epoch"].dtype == "int64"
    assert (metrics["run_id"] == baseline.summary["run_id"]).all() and len(baseline.run_id) == 12
    numeric = metrics.drop(columns=["run_id", "epoch"])
    assert (numeric.dtypes == "float64").all()
    assert metrics["supply"].iloc[-1] == pytest.approx(baseline.summary["final_supply"])


def test_summary_token_amounts_are_numbers_with_exact_twins(baseline):
    summary = baseline.summary
    assert isinstance(summary["final_supply"], float)
    assert float(summary["final_supply_exact"]) == summary["final_supply"]
    rewards = pd.Series(summary["total_rewards_by_role"])
    assert rewards.mean() == pytest.approx(sum(rewards) / len(rewards))  # numbers, not strings: pandas can average them
    assert rewards.sum() == pytest.approx(baseline.metrics.filter(like="reward_total_").to_numpy().sum())


def test_blocks_keep_hex_as_text(baseline):
    blocks = baseline.blocks
    assert blocks["bits"].map(len).eq(8).all()
    assert blocks[["height", "epoch", "producer"]].dtypes.eq("int64").all()
    assert blocks["time"].dtype == "float64"
    assert (blocks["run_id"] == baseline.run_id).all()


def test_runs_concatenate_without_renaming(baseline, tmp_path):
    other = tes.run(SCENARIOS / "pos-slashing.yaml", overrides={"run.epochs": 2}, out=tmp_path)
    both = pd.concat([baseline.metrics, other.metrics], ignore_index=True)
    assert list(both.columns) == list(baseline.metrics.columns)
    assert both.groupby("run_id").size().to_dict() == {baseline.run_id: 3, other.run_id: 2}
    assert baseline.run_id != other.run_id
    assert (both.drop(columns="run_id").dtypes == baseline.metrics.drop(columns="run_id").dtypes).all()


def test_load_reads_an_existing_folder_as_run_wrote_it(baseline):
    loaded = tes.load(baseline.folder)
    pd.testing.assert_frame_equal(loaded.metrics, baseline.metrics)
    assert loaded.summary == baseline.summary
    assert baseline.agents is None  # outputs.agents: none, the default: no per-agent file


def test_the_scenario_is_the_resolved_one(baseline):
    scenario = baseline.scenario
    text = scenario if isinstance(scenario, str) else json.dumps(scenario)
    assert "baseline" in text


def test_agents_rows_add_up_to_the_metrics(responding):
    agents = responding.agents  # without pyarrow (as in CI) through `silo agents --csv`
    assert agents is not None and (agents["run_id"] == responding.run_id).all()
    assert dict(agents.dtypes.astype(str)) == {c: ("object" if t is str else t) for c, t in files.AGENTS_DTYPES.items()}
    assert agents["epoch"].unique().tolist() == [3]  # outputs.agents: final
    metrics = responding.metrics
    for role, rows in agents.groupby("role"):
        assert rows["reward"].sum() == pytest.approx(metrics[f"reward_total_{role}"].iloc[-1])
        if rows["reward_total"].notna().all():  # a responding role: its totals over the run
            assert rows["reward_total"].sum() == pytest.approx(metrics[f"reward_total_{role}"].sum())
        else:
            assert rows["present"].isna().all()


def test_agents_every_n_epochs_and_the_csv_fallback_agree_with_the_metrics(tmp_path):
    run = tes.run(SCENARIOS / "baseline.yaml", overrides={"run.epochs": 5, "outputs.agents": "every", "outputs.agents_every": 2},
                  out=tmp_path)
    agents = run.agents
    assert agents["epoch"].unique().tolist() == [1, 3, 4]
    paid = agents.groupby(["epoch", "role"])["reward"].sum().unstack()
    for role in paid.columns:
        assert paid[role].to_numpy() == pytest.approx(run.metrics[f"reward_total_{role}"].iloc[[1, 3, 4]].to_numpy())


def test_bad_input_raises_the_simulators_message(tmp_path):
    with pytest.raises(tes.SiloError, match="rewards.alpha"):
        tes.run(SCENARIOS / "baseline.yaml", overrides={"rewards.alpha": "lots"}, out=tmp_path)


def test_a_sweep_has_its_parameters_as_columns(tmp_path):
    file = tmp_path / "small.yaml"
    file.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\nrun: {{epochs: 2}}\n"
                    "sweep:\n  parameters:\n    token.emission_per_epoch: [500, 1000.5]\n  seeds: 2\n", encoding="utf-8")
    sweep = tes.sweep(file, out=tmp_path / "sweeps", parallel=2)
    assert sweep.parameters == ["token.emission_per_epoch"]
    assert sweep.runs["token.emission_per_epoch"].tolist() == [500, 500, 1000.5, 1000.5]
    assert sweep.runs[["run", "point", "seed"]].dtypes.eq("int64").all()
    assert sweep.runs["final_supply"].dtype == "float64"
    assert sweep.points["seeds"].tolist() == [2, 2]
    assert sweep.points["final_gini_mean"].dtype == "float64"
    assert sweep.run(0).summary["seed"] == sweep.runs.loc[0, "seed"]
    assert sweep.sensitivity is None  # a grid has no sensitivity table
    assert tes.sweep(sweep.folder).folder == sweep.folder  # a folder is read, not rerun


def test_a_sobol_sweep_has_its_sensitivity_table(tmp_path):
    file = tmp_path / "sobol.yaml"
    file.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\nrun: {{epochs: 2}}\n"
                    "sweep:\n  mode: sobol\n  parameters:\n    token.emission_per_epoch: {low: 500, high: 5000}\n"
                    "    token.fee_burn_fraction: {low: 0.1, high: 0.9}\n  samples: 4\n", encoding="utf-8")
    sweep = tes.sweep(file, out=tmp_path / "sweeps", parallel=2)
    assert len(sweep.points) == 4 * (2 + 2)
    table = sweep.sensitivity
    assert table.columns[:3].tolist() == ["metric", "parameter", "first_order"]
    assert table["total"].dtype == "float64"
    supply = table[table["metric"] == "final_supply"].set_index("parameter")
    assert supply.index.tolist() == ["token.emission_per_epoch", "token.fee_burn_fraction"]
    assert supply.loc["token.emission_per_epoch", "total"] > supply.loc["token.fee_burn_fraction", "total"]


def test_a_pareto_tune_has_its_front_table(tmp_path):
    file = tmp_path / "pareto.yaml"
    file.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\nrun: {{epochs: 2}}\n"
                    "sweep:\n  mode: pareto\n  parameters:\n    token.emission_per_epoch: {low: 500, high: 5000}\n"
                    "  objectives:\n    - {metric: final_gini, goal: minimize}\n    - {metric: total_minted, goal: maximize}\n"
                    "  population: 4\n  evaluations: 4\n  seeds: 2\n", encoding="utf-8")
    sweep = tes.load_sweep(call(["tune", str(file), "--quiet", "--out", str(tmp_path / "sweeps")]))
    table = sweep.pareto
    assert table.columns[:2].tolist() == ["point", "token.emission_per_epoch"]
    assert table["rank"].dtype == "int64" and table["on_front"].dtype == "bool"
    assert table["final_gini_ci95_low"].dtype == "float64"
    assert table["on_front"].any() and (table["on_front"] == (table["rank"] == 1)).all()
    assert sweep.sensitivity is None


def test_parquet_without_pyarrow_or_silo_says_what_to_install(baseline, tmp_path, monkeypatch):
    copy = tmp_path / baseline.folder.name
    shutil.copytree(baseline.folder, copy)
    (copy / "agents.parquet").write_bytes(b"PAR1")
    monkeypatch.setitem(__import__("sys").modules, "pyarrow", None)  # as if it were not installed
    with pytest.raises(tes.SiloError, match="not a readable Parquet file"):
        _ = tes.load(copy).agents  # silo reads it, and says what is wrong
    monkeypatch.setenv("TOKENECONSIM_SILO", "")
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(tes.cli, "__file__", "/nonexistent/python/tokeneconsim/cli.py")
    with pytest.raises(ImportError, match="needs pyarrow"):
        _ = tes.load(copy).agents


def test_a_missing_simulator_is_named(monkeypatch):
    monkeypatch.setenv("TOKENECONSIM_SILO", "")
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(tes.cli, "__file__", "/nonexistent/python/tokeneconsim/cli.py")  # no checkout around it
    with pytest.raises(tes.SiloError, match="silo executable was not found"):
        tes.find_silo()
