"""Starting runs and sweeps through the silo command line."""

import tempfile
from pathlib import Path

from . import files
from .cli import call, set_arguments
from .results import Run, Sweep


def run(scenario, seed=None, overrides=None, out=None, engine=None, silo=None):
    """Runs a scenario file and returns its Run. `overrides` maps scenario keys to values
    ({"run.epochs": 20, "rewards.alpha": 0.5}); `out` is the parent folder of the run's folder (a new
    temporary folder when None). Bad input raises SiloError with the simulator's message."""
    arguments = ["run", str(Path(scenario).resolve()), "--quiet", "--out", str(_out(out))]
    if seed is not None:
        arguments += ["--seed", str(int(seed))]
    if engine is not None:
        arguments += ["--engine", engine]
    return Run(call(arguments + set_arguments(overrides), silo=silo), silo=silo)


def sweep(path, out=None, parallel=None, silo=None):
    """A sweep: an existing sweep folder is read; a sweep file is run (or resumed) and then read."""
    path = Path(path)
    if path.is_dir() and (path / files.SWEEP_REPORT).is_file():
        return Sweep(path)
    arguments = ["sweep", str(path.resolve()), "--quiet", "--out", str(_out(out))]
    if parallel is not None:
        arguments += ["--parallel", str(int(parallel))]
    return Sweep(call(arguments, silo=silo))


def _out(out):
    folder = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="tokeneconsim-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()
