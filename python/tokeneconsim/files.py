"""The names of a run's and a sweep's files, as the simulator writes them (RunFiles in the C# code)."""

METRICS = "metrics.csv"
BLOCKS = "blocks.csv"
SUMMARY = "summary.json"
SCENARIO = "scenario.yaml"
AGENTS_CSV = "agents.csv"
AGENTS_PARQUET = "agents.parquet"
GOVERNANCE = "governance.csv"
MARKETPLACE = "marketplace.csv"

SWEEP_REPORT = "sweep.json"
SWEEP_RUNS = "runs.csv"
SWEEP_POINTS = "points.csv"

# Column dtypes (docs/model.md §15.2): one per column in every run, so tables of many runs concatenate.
BLOCKS_DTYPES = {"height": "int64", "epoch": "int64", "time": "float64", "producer": "int64", "bits": str, "hash": str}
AGENTS_DTYPES = {"id": "int64", "role": str, "present": "int64", "epochs_active": "int64", "cheated_epochs": "int64",
                 "reward": "float64", "cost": "float64", "slashed": "float64", "profit": "float64", "bond": "float64"}
SWEEP_INTEGERS = ("run", "point", "seed", "seeds")
