# Reference values for matched-pairs binary outcomes: src/stats/binary/mcnemar-test.ts and
# paired-risk-difference.ts. Run from the repo root: Rscript --vanilla test/reference/paired.R
# Writes test/reference/fixtures/paired.json.
#
# McNemar: R's mcnemar.test (correct = TRUE / FALSE) and, for the exact test, binom.test on the
# discordant pairs (what exact2x2::mcnemar.exact reports; exact2x2 is not installed here).
# Paired difference: Newcombe (1998) Stat Med 17:2635-2650, method 10. No package providing it is
# installed (MKinfer, biostatUZH, PropCIs are not), so it is written out below from the paper,
# built on prop.test's Wilson limits (an independent source for the two single-proportion
# intervals); the test also checks Agresti's published Wald interval for the paired difference.
library(jsonlite)

tables <- list(
  c(794, 150, 86, 570),  # Agresti (2007) Intro Categorical Data Analysis, Table 8.1
  c(10, 5, 1, 20), c(0, 3, 0, 7), c(2, 0, 0, 3), c(5, 12, 12, 5), c(0, 0, 4, 0),
  c(30, 1, 9, 60), c(1, 1, 7, 12), c(100, 40, 25, 835), c(0, 10, 0, 0), c(3, 7, 2, 0)
)
wilson <- function(x, n, level) {
  if (x == 0) lo <- 0 else lo <- prop.test(x, n, conf.level = level, correct = FALSE)$conf.int[1]
  if (x == n) hi <- 1 else hi <- prop.test(x, n, conf.level = level, correct = FALSE)$conf.int[2]
  c(lo, hi)
}
newcombe_paired <- function(a, b, c, d, level) {
  n <- a + b + c + d
  p1 <- (a + b) / n; p2 <- (a + c) / n; D <- (b - c) / n
  w1 <- wilson(a + b, n, level); w2 <- wilson(a + c, n, level)
  A <- (a + b) * (c + d) * (a + c) * (b + d)
  B <- a * d - b * c
  C <- if (B > 0) max(B - n / 2, 0) else B
  phi <- if (A == 0) 0 else C / sqrt(A)
  c(D - sqrt((p1 - w1[1])^2 - 2 * phi * (p1 - w1[1]) * (w2[2] - p2) + (w2[2] - p2)^2),
    D + sqrt((p2 - w2[1])^2 - 2 * phi * (p2 - w2[1]) * (w1[2] - p1) + (w1[2] - p1)^2))
}
na <- function(x) if (is.na(x)) "NaN" else x
cases <- lapply(tables, function(t) {
  a <- t[1]; b <- t[2]; c <- t[3]; d <- t[4]
  m <- matrix(c(a, c, b, d), 2)  # rows: condition 1 event yes/no; columns: condition 2 yes/no
  r <- list(both = a, firstOnly = b, secondOnly = c, neither = d)
  if (b + c > 0) {
    m1 <- mcnemar.test(m, correct = TRUE); m0 <- mcnemar.test(m, correct = FALSE)
    r$corrected <- list(statistic = unname(m1$statistic), p = m1$p.value)
    r$uncorrected <- list(statistic = unname(m0$statistic), p = m0$p.value)
    r$exact <- list(two = binom.test(b, b + c)$p.value, less = binom.test(b, b + c, alternative = "less")$p.value,
                    greater = binom.test(b, b + c, alternative = "greater")$p.value)
  }
  r$newcombe <- lapply(c(0.9, 0.95, 0.99), function(l) list(level = l, ci = newcombe_paired(a, b, c, d, l)))
  r
})
writeLines(toJSON(list(generated = paste("R", getRversion()), cases = cases), auto_unbox = TRUE, digits = NA),
           "test/reference/fixtures/paired.json")
