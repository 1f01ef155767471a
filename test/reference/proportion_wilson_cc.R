# Reference values for the single-proportion Wilson interval with continuity correction
# (src/stats/proportion/proportion-ci.ts, PROPORTION_INTERVALS entry `wilson-cc`).
# Run from the repo root: Rscript --vanilla test/reference/proportion_wilson_cc.R
# Writes test/reference/fixtures/proportion_wilson_cc.json.
#
# The reference is R's own stats::prop.test(x, n, p, correct = TRUE)$conf.int, not a
# re-implementation of the formula. prop.test shrinks its Yates correction to
# min(0.5, |x - n p|) with p the null proportion (0.5 when none is given), so the interval
# depends on p: cases with p = NULL and with several p0 are both recorded.
suppressPackageStartupMessages(library(jsonlite))

pairs <- list(c(0, 10), c(1, 10), c(5, 10), c(9, 10), c(10, 10), c(0, 1), c(1, 1), c(1, 2),
              c(12, 12), c(8, 12), c(2, 6), c(13, 17), c(9, 22), c(4, 37), c(362, 732),
              c(3, 1000), c(0, 5000), c(49999, 50000), c(17, 21), c(1, 1e6), c(999999, 1e6),
              c(2, 3), c(50, 100), c(11, 20))
cases <- list()
for (xn in pairs) {
  x <- xn[1]; n <- xn[2]
  for (level in c(0.95, 0.9, 0.99)) {
    # p0 = x/n makes the correction 0 (then the interval is the plain Wilson one).
    nulls <- if (x > 0 && x < n) list(NULL, 0.5, 0.1, 0.3, x / n) else list(NULL, 0.5, 0.1, 0.3)
    for (p0 in nulls) {
      ci <- suppressWarnings(prop.test(x, n, p = p0, conf.level = level, correct = TRUE))$conf.int
      cases[[length(cases) + 1]] <- list(
        x = x, n = n, level = level, p0 = if (is.null(p0)) NA else p0,
        lower = ci[1], upper = ci[2]
      )
    }
  }
}

out <- list(
  generated = "test/reference/proportion_wilson_cc.R",
  R = R.version.string,
  cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE),
           "test/reference/fixtures/proportion_wilson_cc.json")
