"""`make bench`: every benchmark in turn. Figures go to the closing note, never into tests. A benchmark
that misses its target says so and the others still run; the exit code is 1 if any missed."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
missed = []
for script in sorted(HERE.glob("*/run.py")):
    print(f"\n=== {script.parent.name} ===", flush=True)
    if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
        missed.append(script.parent.name)
print(f"\n{'Benchmarks that missed a target or failed: ' + ', '.join(missed) if missed else 'Every benchmark ran.'}")
sys.exit(1 if missed else 0)
