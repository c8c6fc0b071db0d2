"""The names of a run's and a sweep's files, as the simulator writes them (RunFiles in the C# code)."""

METRICS = "metrics.csv"
BLOCKS = "blocks.csv"
SUMMARY = "summary.json"
SCENARIO = "scenario.yaml"
AGENTS_PARQUET = "agents.parquet"
GOVERNANCE = "governance.csv"
MARKETPLACE = "marketplace.csv"

SWEEP_REPORT = "sweep.json"
SWEEP_RUNS = "runs.csv"
SWEEP_POINTS = "points.csv"
SWEEP_SENSITIVITY = "sensitivity.csv"
SWEEP_PARETO = "pareto.csv"

# Column dtypes (docs/model.md §15.2, §17.8): one per column in every run, so tables of many runs concatenate. Every table's
# first column is the file's own run_id (a pure function of the scenario and seed).
RUN_ID = "run_id"
# A run with a peer-to-peer network adds parent_hash, on_main_chain (1/0) and reach50/reach90 (seconds, empty when never reached).
BLOCKS_DTYPES = {RUN_ID: str, "height": "int64", "epoch": "int64", "time": "float64", "producer": "int64", "bits": str, "hash": str,
                 "parent_hash": str, "on_main_chain": "int64", "reach50": "float64", "reach90": "float64"}
# agents.parquet: nullable integers and booleans keep their type (pandas' Int64 and boolean); a null double is NaN.
AGENTS_DTYPES = {RUN_ID: str, "epoch": "int64", "id": "int64", "role": str, "active": "bool", "balance": "float64", "reward": "float64",
                 "fees": "float64", "slashed": "float64", "v_data": "float64", "v_training": "float64", "v_usage": "float64",
                 "calls": "Int64", "present": "boolean", "cheated": "boolean", "cost": "float64", "bond_slashed": "float64",
                 "profit": "float64", "bond": "float64", "epochs_active": "Int64", "cheated_epochs": "Int64",
                 "reward_total": "float64", "cost_total": "float64", "bond_slashed_total": "float64"}
SWEEP_INTEGERS = ("run", "point", "seed", "seeds")
