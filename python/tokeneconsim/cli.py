"""Finding and calling the `silo` command line.

The executable is, in order: the `silo` argument of the call, the TOKENECONSIM_SILO environment
variable, `silo` on PATH, or the Release then Debug build of a source checkout this package sits in.
"""

import os
import shutil
import subprocess
from pathlib import Path


class SiloError(RuntimeError):
    """The simulator refused the input or failed; the message is its own (file:line:column: what)."""


def find_silo(silo=None):
    """The path of the silo executable, or a SiloError saying where it was looked for."""
    candidates = [silo, os.environ.get("TOKENECONSIM_SILO"), shutil.which("silo")]
    checkout = Path(__file__).resolve().parents[2] / "silo" / "TokenEconSim.Silo" / "bin"
    candidates += [str(checkout / c / "net10.0" / "linux-x64" / "silo") for c in ("Release", "Debug")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise SiloError("the silo executable was not found: pass silo=..., set TOKENECONSIM_SILO, put silo on PATH, "
                    "or build the checkout (dotnet build)")


def call(arguments, silo=None, cwd=None):
    """Runs silo with the arguments; returns the folder it printed after 'results: '."""
    done = subprocess.run([find_silo(silo), *arguments], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SiloError((done.stderr or done.stdout).strip() or f"silo exited {done.returncode}")
    folders = [line[len("results: "):].strip() for line in done.stdout.splitlines() if line.startswith("results: ")]
    if not folders:
        raise SiloError("silo finished without naming its results folder:\n" + done.stdout[-2000:])
    return Path(folders[-1])


def set_arguments(overrides):
    """{"rewards.alpha": 0.5} as --set rewards.alpha=0.5; numbers at their shortest round-trip form (repr)."""
    arguments = []
    for key, value in (overrides or {}).items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        arguments += ["--set", f"{key}={value!r}" if isinstance(value, float) else f"{key}={value}"]
    return arguments
