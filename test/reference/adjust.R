# Reference values for src/stats/adjust.ts (run from the repo root:
#   Rscript --vanilla test/reference/adjust.R)
# Writes test/reference/fixtures/adjust.json. Missing p-values (NA) are written as null.
suppressPackageStartupMessages(library(jsonlite))

methods <- c("bonferroni", "holm", "hochberg", "hommel", "BH", "BY", "fdr", "none")
vectors <- list(
  single = c(0.03),
  two = c(0.04, 0.01),
  three = c(0.01, 0.02, 0.04),
  ties = c(0.01, 0.02, 0.02, 0.02, 0.04, 0.04, 0.3),
  allTies = c(0.05, 0.05, 0.05, 0.05),
  withOnes = c(1, 0.5, 0.001, 1, 0.2),
  withZero = c(0, 0.001, 0.049, 0.051, 0.9),
  unsorted = c(0.6, 0.012, 0.0003, 0.049, 0.2, 0.03, 0.0401, 0.5, 0.0021, 0.75),
  # the example in ?p.adjust (set.seed(123); 50 p-values) without the RNG: fixed values
  many = c(0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324,
           0.4262, 0.5719, 0.6528, 0.759, 1, 0.0459, 0.3, 0.3, 0.0001, 0.9),
  withNA = c(0.01, NA, 0.03, 0.02, NA, 0.2),
  allNA = c(NA, NA)
)
cases <- list()
for (name in names(vectors)) {
  p <- vectors[[name]]
  adjusted <- lapply(setNames(methods, methods), function(m) as.list(p.adjust(p, m)))
  cases[[length(cases) + 1]] <- list(name = name, p = as.list(p), adjusted = adjusted)
}
out <- list(generated = list(R = R.version.string), cases = cases)
dir.create("test/reference/fixtures", showWarnings = FALSE, recursive = TRUE)
write_json(out, "test/reference/fixtures/adjust.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
