# Reference values for src/analysis (the dataset -> comparison core), run from the repo root:
#   Rscript --vanilla test/reference/analysis.R
# Writes test/reference/fixtures/analysis.json for test/analysis/fixtures/derivations.
#
# Independent of the closed forms under test: every two-arm result is R's t.test on two
# samples built to have exactly the arm's mean and SD; an SD that the arm rows do not
# print is found by uniroot on t.test itself (the SD whose t interval has the printed
# width; the pooled SD whose Student t-test gives the published p), not by the formula
# SD = sqrt(n) * width / (2 t). Binary measures come from epiR::epi.2by2 (Wald intervals:
# Katz for RR, Woolf for OR) and fisher.test.
suppressPackageStartupMessages({
  library(jsonlite)
  library(epiR)
})

# A sample of size n with mean m and sample SD s exactly.
sample_of <- function(n, m, s) {
  z <- seq_len(n) - mean(seq_len(n))
  m + s * z / sd(z)
}

welch <- function(a, b, var.equal = FALSE) {
  t <- t.test(sample_of(a$n, a$mean, a$sd), sample_of(b$n, b$mean, b$sd), var.equal = var.equal)
  list(estimate = unname(t$estimate[1] - t$estimate[2]), lower = t$conf.int[1], upper = t$conf.int[2],
       p = t$p.value, df = unname(t$parameter), se = t$stderr)
}

tol <- 1e-13

# SD of an arm whose 95% t interval for the mean is [lower, upper]: uniroot on t.test.
sd_from_ci <- function(n, m, lower, upper) {
  width <- function(s) { ci <- t.test(sample_of(n, m, s))$conf.int; (ci[2] - ci[1]) - (upper - lower) }
  uniroot(width, c(1e-6, 1e3), tol = tol)$root
}

# Pooled SD for which Student's t-test of the two means gives the published p.
sd_from_p <- function(n1, m1, n2, m2, p) {
  f <- function(s) t.test(sample_of(n1, m1, s), sample_of(n2, m2, s), var.equal = TRUE)$p.value - p
  uniroot(f, c(1e-3, 1e3), tol = tol)$root
}

arm <- function(n, mean, sd) list(n = n, mean = mean, sd = sd)
cases <- list()

# SE trial: SD = SE * sqrt(n) is the definition of the SE of a mean (no search needed).
a <- arm(30, 5.2, 0.45 * sqrt(30)); b <- arm(28, 4.3, 0.47 * sqrt(28))
cases[["SE trial"]] <- c(welch(a, b), list(sd1 = a$sd, sd2 = b$sd))

s1 <- sd_from_ci(25, 10.4, 8.1, 12.7); s2 <- sd_from_ci(24, 8.0, 5.9, 10.1)
cases[["CI trial"]] <- c(welch(arm(25, 10.4, s1), arm(24, 8.0, s2)), list(sd1 = s1, sd2 = s2))

s <- sd_from_p(20, -3.0, 20, -8.5, 0.04)
cases[["P trial"]] <- c(welch(arm(20, -3.0, s), arm(20, -8.5, s)), list(sd1 = s, sd2 = s))

cases[["Population trial|ITT"]] <- welch(arm(50, 2.0, 4.0), arm(50, 0.5, 4.2))
cases[["Population trial|per protocol"]] <- welch(arm(41, 2.6, 3.8), arm(44, 0.4, 4.1))
cases[["Scale trial|change"]] <- welch(arm(32, -6.0, 9.0), arm(31, -1.0, 8.5))
cases[["Scale trial|value"]] <- welch(arm(32, 40.0, 12.0), arm(31, 44.5, 11.0))
cases[["Three arm trial|low dose"]] <- welch(arm(20, 1.0, 2.0), arm(20, 0.2, 1.9))
cases[["Three arm trial|high dose"]] <- welch(arm(20, 1.8, 2.1), arm(20, 0.2, 1.9))

# Binary trial: 12/40 vs 5/38 (the alternative reading 13/40 is left out).
tab <- as.table(matrix(c(12, 28, 5, 33), nrow = 2, byrow = TRUE))
e <- epi.2by2(tab, method = "cohort.count", conf.level = 0.95)$massoc.detail
binary <- list(
  rr = list(estimate = e$RR.strata.wald$est, lower = e$RR.strata.wald$lower, upper = e$RR.strata.wald$upper),
  or = list(estimate = e$OR.strata.wald$est, lower = e$OR.strata.wald$lower, upper = e$OR.strata.wald$upper),
  fisher_p = fisher.test(matrix(c(12, 28, 5, 33), nrow = 2, byrow = TRUE))$p.value
)

out <- list(
  generated_by = "test/reference/analysis.R",
  r_version = R.version.string,
  epiR = as.character(packageVersion("epiR")),
  continuous = cases,
  binary = binary
)
dir.create("test/reference/fixtures", showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/fixtures/analysis.json")
