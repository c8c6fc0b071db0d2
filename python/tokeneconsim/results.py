"""Reading a run's or a sweep's folder into DataFrames, lazily: a file is read when first asked for."""

import io
import json
import subprocess
from functools import cached_property
from pathlib import Path

import pandas as pd

from . import files
from .cli import SiloError, find_silo


class Run:
    """One run's folder (runs/<name>-<utc timestamp>/). Every table's first column is the file's own `run_id`
    (a pure function of the scenario and seed, also in summary.json), so the tables of several runs
    concatenate (pd.concat) and stay apart."""

    def __init__(self, folder, silo=None):
        self.folder = Path(folder)
        if not (self.folder / files.SUMMARY).is_file():
            raise FileNotFoundError(f"{self.folder}: not a finished run's folder (no {files.SUMMARY})")
        self._silo = silo

    @property
    def run_id(self):
        return self.summary[files.RUN_ID]

    def __repr__(self):
        return f"Run({str(self.folder)!r})"

    @cached_property
    def summary(self):
        """summary.json as a dict: token amounts are numbers, their exact strings under <key>_exact."""
        return json.loads((self.folder / files.SUMMARY).read_text(encoding="utf-8"))

    @cached_property
    def scenario(self):
        """The resolved scenario as a dict (needs PyYAML, python3-yaml) or, without it, its text."""
        text = (self.folder / files.SCENARIO).read_text(encoding="utf-8")
        try:
            import yaml
        except ImportError:
            return text
        return yaml.safe_load(text)

    @cached_property
    def metrics(self):
        """metrics.csv: `run_id` str, `epoch` int64, every other column float64 (an empty cell is NaN)."""
        dtypes = {c: "float64" for c in pd.read_csv(self.folder / files.METRICS, nrows=0).columns}
        dtypes[files.RUN_ID] = str
        return pd.read_csv(self.folder / files.METRICS, dtype=dtypes).astype({"epoch": "int64"})

    @cached_property
    def blocks(self):
        """blocks.csv: `bits` and `hash` stay hex strings."""
        return pd.read_csv(self.folder / files.BLOCKS, dtype=files.BLOCKS_DTYPES)

    @cached_property
    def agents(self):
        """agents.parquet (one row per agent per recorded epoch), or None when the run wrote none (outputs.agents: none).
        Read with pyarrow when it is importable, else streamed as CSV by `silo agents <folder> --csv`; the dtypes are
        the same either way (files.AGENTS_DTYPES)."""
        parquet = self.folder / files.AGENTS_PARQUET
        if not parquet.is_file():
            return None
        try:
            import pyarrow  # noqa: F401  (pandas needs it for Parquet)
        except ImportError:
            table = self._agents_through_silo(parquet)
        else:
            table = pd.read_parquet(parquet)
        return table.astype(files.AGENTS_DTYPES)

    def _agents_through_silo(self, parquet):
        try:
            silo = find_silo(self._silo)
        except SiloError as missing:
            raise ImportError(f"{parquet} is a Parquet file: reading it needs pyarrow (apt install python3-pyarrow, or pip install "
                              f"pyarrow) or the silo command line ({missing})") from missing
        done = subprocess.run([silo, "agents", str(self.folder), "--csv"], capture_output=True)
        if done.returncode != 0:
            raise SiloError(done.stderr.decode("utf-8", "replace").strip() or f"silo agents exited {done.returncode}")
        # run_id as text (hex digits may read as a number); empty cells are NaN until astype gives Int64/boolean their <NA>.
        return pd.read_csv(io.BytesIO(done.stdout), dtype={files.RUN_ID: str})


class Sweep:
    """A sweep's folder: `runs` (one row per run) and `points` (one row per parameter point), with each
    swept parameter a column of its own (`rewards.alpha`, ...) named as its scenario key."""

    def __init__(self, folder):
        self.folder = Path(folder)
        if not (self.folder / files.SWEEP_REPORT).is_file():
            raise FileNotFoundError(f"{self.folder}: not a sweep's folder (no {files.SWEEP_REPORT})")

    def __repr__(self):
        return f"Sweep({str(self.folder)!r})"

    @cached_property
    def report(self):
        """sweep.json as a dict (design, points, seeds, objective, best)."""
        return json.loads((self.folder / files.SWEEP_REPORT).read_text(encoding="utf-8"))

    @property
    def parameters(self):
        """The swept parameters' column names, in the tables' order."""
        header = pd.read_csv(self.folder / files.SWEEP_RUNS, nrows=0).columns.tolist()
        return header[header.index("point") + 1:header.index("seed")]

    @cached_property
    def runs(self):
        return self._read(files.SWEEP_RUNS, text=("folder",))

    @cached_property
    def points(self):
        return self._read(files.SWEEP_POINTS)

    @cached_property
    def sensitivity(self):
        """sensitivity.csv of a sobol or morris design (one row per metric and parameter), or None for other sweeps."""
        path = self.folder / files.SWEEP_SENSITIVITY
        if not path.is_file():
            return None
        header = pd.read_csv(path, nrows=0).columns
        return pd.read_csv(path, dtype={c: (str if c in ("metric", "parameter") else "float64") for c in header})

    @cached_property
    def pareto(self):
        """pareto.csv of a Pareto tune (`silo tune` with mode pareto: one row per point, its objectives' means and 95 % intervals,
        rank, crowding, on_front), or None for other sweeps. A front's ends have crowding inf."""
        path = self.folder / files.SWEEP_PARETO
        if not path.is_file():
            return None
        parameters = set(self.parameters)
        header = pd.read_csv(path, nrows=0).columns
        dtypes = {c: ("int64" if c in ("point", "rank") else "bool" if c == "on_front" else "float64") for c in header if c not in parameters}
        return pd.read_csv(path, dtype=dtypes)

    def run(self, index):
        """The Run of row `index` of `runs`."""
        return Run(self.folder / self.runs.loc[index, "folder"])

    def _read(self, name, text=()):
        parameters = set(self.parameters)
        header = pd.read_csv(self.folder / name, nrows=0).columns
        dtypes = {c: ("int64" if c in files.SWEEP_INTEGERS else str if c in text else "float64")
                  for c in header if c not in parameters}
        return pd.read_csv(self.folder / name, dtype=dtypes)


def load(folder):
    """An existing run's folder as a Run."""
    return Run(folder)


def load_sweep(folder):
    """An existing sweep's folder as a Sweep."""
    return Sweep(folder)
