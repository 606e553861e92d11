"""Reference rank correlations for lib/qmethod/rank-correlate.ts, made with SciPy.

R's cor(method = "spearman") is Pearson on average ranks and cor(method = "kendall") is
Kendall's tau-b; scipy.stats.spearmanr and scipy.stats.kendalltau (variant "b") compute the
same. R cannot run on the machines this project is built on, so these fixtures, from an
implementation independent of ours, stand in for qmethod's cor.method until the R reference
script is run with R.

    python3 scripts/rank-correlation-reference.py lib/qmethod/fixtures
"""
import csv
import json
import pathlib
import sys

import scipy
from scipy import stats

DATASETS = ["small-8x5", "ties-36x15", "unforced-20x9", "tiny-repeats-7-4x14", "seed-36x25", "large-56x40"]


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    sorts = rows[0][1:]
    scores = [[float(v) for v in row[1:]] for row in rows[1:]]
    columns = [[row[j] for row in scores] for j in range(len(sorts))]
    return sorts, columns


def matrix(columns, method):
    m = len(columns)
    out = [[1.0] * m for _ in range(m)]
    for a in range(m):
        for b in range(a + 1, m):
            if method == "spearman":
                r = stats.spearmanr(columns[a], columns[b]).statistic
            else:
                r = stats.kendalltau(columns[a], columns[b], variant="b").statistic
            out[a][b] = out[b][a] = float(r)
    return out


def main(folder):
    folder = pathlib.Path(folder)
    result = {"generatedWith": f"scipy {scipy.__version__} (spearmanr; kendalltau, variant b)", "datasets": {}}
    for name in DATASETS:
        sorts, columns = read(folder / f"{name}.csv")
        result["datasets"][name] = {"sorts": sorts, "spearman": matrix(columns, "spearman"), "kendall": matrix(columns, "kendall")}
    (folder / "rank-correlations.scipy.json").write_text(json.dumps(result, separators=(",", ":"), allow_nan=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "lib/qmethod/fixtures")
