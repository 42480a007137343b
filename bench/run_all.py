"""`make bench`: every benchmark in turn. Figures go to the closing note, never into tests."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
for script in sorted(HERE.glob("*/run.py")):
    print(f"\n=== {script.parent.name} ===", flush=True)
    subprocess.run([sys.executable, str(script)], check=True)
