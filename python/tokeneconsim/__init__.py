"""TokenEconSim results as pandas DataFrames.

    import tokeneconsim as tes
    run = tes.run("scenarios/baseline.yaml", seed=7, overrides={"run.epochs": 20})
    run.metrics.plot(x="epoch", y="supply")

The simulator is the `silo` command line (found as described in `tokeneconsim.cli`); this package only
starts it and reads the files it writes, with the column dtypes of docs/model.md §15.2.
"""

from .cli import SiloError, find_silo
from .results import Run, Sweep, load, load_sweep
from .launch import run, sweep

__all__ = ["Run", "Sweep", "SiloError", "find_silo", "load", "load_sweep", "run", "sweep"]
