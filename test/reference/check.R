# Reference values for src/stats/check: p-values recomputed from a CI (Altman & Bland 2011)
# and from test statistics (statcheck's compute_p), using R's distribution functions.
# Run from the repository root: Rscript --vanilla test/reference/check.R
library(jsonlite)

p_from_ci <- function(est, lo, up, level, scale, df = NA) {
  tr <- if (scale == "log") log else identity
  q <- if (is.na(df)) qnorm((1 + level) / 2) else qt((1 + level) / 2, df)
  se <- (tr(up) - tr(lo)) / (2 * q)
  z <- abs(tr(est)) / se
  if (is.na(df)) 2 * pnorm(z, lower.tail = FALSE) else 2 * pt(z, df, lower.tail = FALSE)
}

ci_cases <- list(
  list(estimate = -16.3, lower = -20.4, upper = -12.1, level = 0.95, scale = "natural"),
  list(estimate = -16.3, lower = -20.4, upper = -12.1, level = 0.90, scale = "natural"),
  list(estimate = -13.7, lower = -18.3, upper = -9.0, level = 0.95, scale = "natural"),
  list(estimate = 1.67, lower = 0.59, upper = 4.71, level = 0.95, scale = "log"),
  list(estimate = 0.5, lower = 0.3, upper = 0.9, level = 0.99, scale = "log"),
  list(estimate = 2.1, lower = -0.4, upper = 4.6, level = 0.95, scale = "natural"),
  list(estimate = 2.1, lower = -0.4, upper = 4.6, level = 0.95, scale = "natural", df = 12),
  list(estimate = 34.4, lower = 8.7, upper = 60.1, level = 0.95, scale = "natural", df = 42)
)
ci_out <- lapply(ci_cases, function(c) {
  df <- if (is.null(c$df)) NA else c$df
  c$p <- p_from_ci(c$estimate, c$lower, c$upper, c$level, c$scale, df)
  c
})

# statcheck's compute_p, two-tailed for t, z and r.
stat_p <- function(test, x, df1, df2) {
  switch(test,
    t = 2 * pt(-abs(x), df1),
    r = { t <- x / sqrt((1 - x^2) / df1); 2 * pt(-abs(t), df1) },
    z = 2 * pnorm(abs(x), lower.tail = FALSE),
    F = pf(x, df1, df2, lower.tail = FALSE),
    chisq = pchisq(x, df1, lower.tail = FALSE),
    Q = pchisq(x, df1, lower.tail = FALSE))
}
stat_cases <- list(
  list(test = "t", statistic = 2.20, df = 28), list(test = "t", statistic = -2.20, df = 28),
  list(test = "t", statistic = 1.02, df = 48), list(test = "t", statistic = 25.3, df = 3),
  list(test = "F", statistic = 2.20, df = 2, df2 = 28), list(test = "F", statistic = 22.20, df = 2, df2 = 28),
  list(test = "r", statistic = 0.22, df = 28), list(test = "r", statistic = 0.52, df = 28),
  list(test = "chisq", statistic = 22.20, df = 28), list(test = "chisq", statistic = 52.20, df = 28),
  list(test = "z", statistic = 2.20), list(test = "z", statistic = -2.42), list(test = "z", statistic = 9.5),
  list(test = "Q", statistic = 2.20, df = 28)
)
stat_out <- lapply(stat_cases, function(c) {
  df2 <- if (is.null(c$df2)) NA else c$df2
  df1 <- if (is.null(c$df)) NA else c$df
  c$p <- stat_p(c$test, c$statistic, df1, df2)
  c
})

dir.create("test/reference/fixtures", showWarnings = FALSE, recursive = TRUE)
write_json(list(r_version = R.version.string, pFromCi = ci_out, statisticP = stat_out),
  "test/reference/fixtures/check.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
