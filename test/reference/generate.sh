#!/usr/bin/env bash
# Regenerates every R fixture: test/reference/<area>.R writes test/reference/fixtures/<area>.json.
# Needs R with jsonlite, metafor, metadat, epiR, pwr (apt-get install r-base-core r-cran-jsonlite
# r-cran-metafor r-cran-metadat r-cran-epir r-cran-pwr). CI does not run this: it reads the fixtures.
set -euo pipefail
cd "$(dirname "$0")/../.."
for script in test/reference/*.R; do
  echo "Rscript $script"
  Rscript --vanilla "$script"
done
python3 test/reference/escalation_enrolment.py
python3 test/reference/arm_splits.py
python3 test/reference/noncentral_mpmath.py
