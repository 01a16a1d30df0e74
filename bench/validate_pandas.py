"""The pandas peer of `fleet validate` for bench/validate.bench.ts: read_csv plus the churn contract's checks.

Usage: python3 bench/validate_pandas.py <data.csv> [--no-unique]
Prints one JSON object: {"passed", "rows", "issueCounts", "seconds"} (seconds: read and checks,
after the imports). Only the checks, no profile, so it
does less work than `fleet validate` (which also profiles every column).
"""
import json
import sys
import time

import numpy as np
import pandas as pd

started = time.perf_counter()

path = sys.argv[1]
check_unique = "--no-unique" not in sys.argv[2:]

CATEGORIES = {
    "contract": ["Month-to-month", "One year", "Two year"],
    "payment_method": ["Bank transfer (automatic)", "Credit card (automatic)", "Electronic check", "Mailed check"],
    "internet_service": ["DSL", "Fiber optic", "No"],
}
EXPECTED = ["customer_id", "tenure_months", "monthly_charges", "total_charges", *CATEGORIES, "senior_citizen", "churn"]

df = pd.read_csv(
    path,
    dtype={"customer_id": str, "senior_citizen": str, **{name: "category" for name in CATEGORIES}},
    keep_default_na=False,
    na_values=[""],
)
issues = {}


def add(code, count):
    count = int(count)
    if count:
        issues[code] = issues.get(code, 0) + count


add("missing_column", len(set(EXPECTED) - set(df.columns)))
add("unexpected_column", len(set(df.columns) - set(EXPECTED)))

ids = df["customer_id"]
add("missing_value", ids.isna().sum())
if check_unique:
    add("duplicate_value", ids.duplicated().sum())


def numeric(name, integer, nullable, low=None, high=None):
    raw = df[name]
    values = pd.to_numeric(raw, errors="coerce")
    missing = raw.isna()
    if not nullable:
        add("missing_value", missing.sum())
    bad = values.isna() & ~missing
    add("not_an_integer" if integer else "not_a_number", bad.sum())
    finite = np.isfinite(values.to_numpy(dtype="float64", na_value=np.nan)) | values.isna()
    add("non_finite_number", (~finite).sum())
    if integer:
        add("not_an_integer", ((values % 1) != 0).sum())
    if low is not None:
        add("below_min", (values < low).sum())
    if high is not None:
        add("above_max", (values > high).sum())
    return values


numeric("tenure_months", True, False, 0, 120)
numeric("monthly_charges", False, False, 0)
numeric("total_charges", False, True, 0)
for name, allowed in CATEGORIES.items():
    column = df[name]
    add("missing_value", column.isna().sum())
    add("not_in_values", (~column.isin(allowed) & column.notna()).sum())
senior = df["senior_citizen"]
add("missing_value", senior.isna().sum())
add("not_a_boolean", (~senior.str.lower().isin(["true", "false", "1", "0"]) & senior.notna()).sum())
churn = numeric("churn", True, False)
add("not_in_values", (~churn.isin([0, 1]) & churn.notna()).sum())

rows = len(df)
add("too_few_rows", rows < 1000)
rate = (churn == 1).sum() / max(1, churn.notna().sum())
add("positive_rate_out_of_range", not (0.05 <= rate <= 0.6))

seconds = time.perf_counter() - started
print(json.dumps({"passed": not issues, "rows": rows, "issueCounts": issues, "seconds": seconds}))
