# Reference values for src/stats/proportion (run from the repo root:
#   Rscript --vanilla test/reference/proportion.R)
# Writes test/reference/fixtures/proportion.json.
suppressPackageStartupMessages(library(jsonlite))

ci_cases <- list()
pairs <- list(c(0, 10), c(1, 10), c(5, 10), c(9, 10), c(10, 10), c(0, 1), c(1, 1), c(1, 2),
              c(12, 12), c(8, 12), c(2, 6), c(5, 10), c(13, 17), c(9, 22), c(4, 37), c(362, 732),
              c(3, 1000), c(0, 5000), c(49999, 50000), c(17, 21), c(1, 1e6), c(999999, 1e6), c(2, 3))
for (xn in pairs) {
  x <- xn[1]; n <- xn[2]
  for (level in c(0.95, 0.9, 0.99)) {
    alpha <- 1 - level
    z <- qnorm(1 - alpha / 2)
    phat <- x / n
    # Wilson score (prop.test without continuity correction), closed form.
    centre <- (x + z^2 / 2) / (n + z^2)
    half <- z * sqrt(n) / (n + z^2) * sqrt(phat * (1 - phat) + z^2 / (4 * n))
    wilson <- c(centre - half, centre + half)
    # Clopper-Pearson: binom.test's interval.
    cp <- binom.test(x, n, conf.level = level)$conf.int
    # Jeffreys: equal-tailed beta(x + 1/2, n - x + 1/2) quantiles with the
    # Brown-Cai-DasGupta (2001, sec. 4.1.2) boundary rule.
    jeff <- c(if (x == 0) 0 else qbeta(alpha / 2, x + 0.5, n - x + 0.5),
              if (x == n) 1 else qbeta(1 - alpha / 2, x + 0.5, n - x + 0.5))
    # Mid-p exact by root finding.
    midp_lower <- if (x == 0) 0 else uniroot(function(p) pbinom(x, n, p, lower.tail = FALSE) + 0.5 * dbinom(x, n, p) - alpha / 2,
                                             c(0, 1), tol = 1e-15)$root
    midp_upper <- if (x == n) 1 else uniroot(function(p) pbinom(x - 1, n, p) + 0.5 * dbinom(x, n, p) - alpha / 2,
                                             c(0, 1), tol = 1e-15)$root
    # Agresti-Coull and Wald, unclipped (the tests check clipping separately).
    nt <- n + z^2
    pt_ <- (x + z^2 / 2) / nt
    ac <- pt_ + c(-1, 1) * z * sqrt(pt_ * (1 - pt_) / nt)
    wald <- phat + c(-1, 1) * z * sqrt(phat * (1 - phat) / n)
    ci_cases[[length(ci_cases) + 1]] <- list(
      x = x, n = n, level = level,
      wilson = list(lower = wilson[1], upper = wilson[2]),
      exact = list(lower = cp[1], upper = cp[2]),
      jeffreys = list(lower = jeff[1], upper = jeff[2]),
      midp = list(lower = midp_lower, upper = midp_upper),
      agrestiCoullRaw = list(lower = ac[1], upper = ac[2]),
      waldRaw = list(lower = wald[1], upper = wald[2])
    )
  }
}

test_cases <- list()
for (a in list(c(0, 10, 0.5), c(3, 10, 0.5), c(7, 10, 0.5), c(10, 10, 0.5), c(4, 37, 0.1), c(9, 22, 0.2),
               c(13, 17, 0.5), c(2, 20, 0.3), c(5, 20, 0.25), c(682, 925, 0.75), c(0, 10, 0), c(3, 10, 0),
               c(10, 10, 1), c(1, 3, 1 / 3), c(12, 12, 0.6), c(3, 1000, 0.001), c(40, 80, 0.5),
               c(520, 100000, 0.005), c(1, 1e6, 1e-7))) {
  x <- a[1]; n <- a[2]; p0 <- a[3]
  test_cases[[length(test_cases) + 1]] <- list(
    x = x, n = n, p0 = p0,
    # binom.test returns a logical (x == 0 or x == n) when p0 is 0 or 1: keep it numeric.
    twoSided = as.numeric(binom.test(x, n, p0)$p.value),
    less = as.numeric(binom.test(x, n, p0, alternative = "less")$p.value),
    greater = as.numeric(binom.test(x, n, p0, alternative = "greater")$p.value)
  )
}

out <- list(generated = list(R = R.version.string), ci = ci_cases, binomTest = test_cases)
dir.create("test/reference/fixtures", showWarnings = FALSE, recursive = TRUE)
write_json(out, "test/reference/fixtures/proportion.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
