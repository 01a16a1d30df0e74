"""SciPy peer of ks2Sample.bench.ts: times scipy.stats.ks_2samp on the same samples.

Usage: python3 ks2Sample.py <repetitions> <file> [<file> ...]
Each file holds two little-endian float64 samples of equal size, one after the other.
Prints one JSON object: the SciPy version and, per file, the size, the timings in
milliseconds, the statistic and the p-value.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy import stats


def main() -> None:
    repetitions = int(sys.argv[1])
    results = []
    for path in sys.argv[2:]:
        values = np.fromfile(path, dtype="<f8")
        half = values.size // 2
        x, y = values[:half].copy(), values[half:].copy()
        stats.ks_2samp(x, y)  # warm-up, as the TypeScript side gets one
        timings = []
        for _ in range(repetitions):
            start = time.perf_counter()
            result = stats.ks_2samp(x, y)
            timings.append((time.perf_counter() - start) * 1000)
        results.append(
            {"n": half, "timingsMs": timings, "statistic": float(result.statistic), "pValue": float(result.pvalue)}
        )
    print(json.dumps({"scipyVersion": scipy.__version__, "numpyVersion": np.__version__, "results": results}))


if __name__ == "__main__":
    main()
