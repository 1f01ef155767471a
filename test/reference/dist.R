# Reference values for src/stats/dist/* from R's nmath (stats::p*/q*/d*).
# Run from the repo root: Rscript --vanilla test/reference/dist.R
# Writes test/reference/fixtures/dist.json. Finite numbers are written verbatim with 17
# significant digits (jsonlite's own digits = NA stops at 15, which does not round-trip a double);
# non-finite ones as the strings "Inf", "-Inf", "NaN" (decoded by test/stats/dist/fixture.ts).
library(jsonlite)

num <- function(z) if (is.finite(z)) structure(sprintf("%.17g", z), class = "json") else as.character(z)
enc <- function(v) lapply(v, num)
out <- list(R = R.version.string)

# ---- normal ---------------------------------------------------------------------------------
x <- sort(unique(c(-40, -38.4, -37.5, -37, -30, -20, -10, -8.3, -5, -3, -2.0001, -2, -1.96, -1.5,
                   -1.2500001, -1.25, -1, -0.5, -0.1, -1e-5, 0, 1e-8, 0.3, 0.7, 1, 1.24, 1.26, 1.645,
                   1.96, 2, 2.5, 3, 4, 6, 8, 8.5, 10, 15, 25, 35, 37, 38, 38.4, 40, 1e3, 1e10,
                   seq(-6, 6, by = 0.37))))
out$normal <- list(
  x = enc(x),
  cdf = enc(pnorm(x)), sf = enc(pnorm(x, lower.tail = FALSE)),
  logcdf = enc(pnorm(x, log.p = TRUE)), logsf = enc(pnorm(x, lower.tail = FALSE, log.p = TRUE)),
  shifted = list(x = 3.2, mean = 1.5, sd = 2.5, cdf = num(pnorm(3.2, 1.5, 2.5)),
                 sf = num(pnorm(3.2, 1.5, 2.5, lower.tail = FALSE)))
)
p <- sort(unique(c(5e-324, 1e-310, 1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025,
                   0.05, 0.1, 0.2, 0.3, 0.4, 0.45, 0.4999, 0.5, 0.5001, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99,
                   0.999, 1 - 1e-6, 1 - 1e-10, 1 - 2^-52, 1 - 2^-53)))
out$normalQuantile <- list(p = enc(p), q = enc(qnorm(p)), shifted = list(p = 0.9, mean = -2, sd = 0.5, q = num(qnorm(0.9, -2, 0.5))))

write_json(out, "test/reference/fixtures/dist.json", auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE)
