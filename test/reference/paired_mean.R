# Reference for src/stats/continuous/paired-mean-difference.ts: R's t.test(x, y, paired = TRUE)
# on data constructed to have exactly the given summary statistics (so the reference runs the
# test on raw data, not the summary formula). Run from the repo root:
#   Rscript --vanilla test/reference/paired_mean.R   (writes test/reference/fixtures/paired_mean.json)
library(jsonlite)
set.seed(42)
std <- function(v) (v - mean(v)) / sd(v)
# differences with exact mean md and SD sdd
diffs_data <- function(n, md, sdd) { x <- rnorm(n, 50, 10); d <- md + sdd * std(rnorm(n)); list(x = x, y = x - d) }
# two conditions with exact means, SDs and sample correlation r
pair_data <- function(n, m1, s1, m2, s2, r) {
  z1 <- std(rnorm(n)); z2 <- rnorm(n); z2 <- std(z2 - sum(z2 * z1) / sum(z1 * z1) * z1)
  list(x = m1 + s1 * z1, y = m2 + s2 * (r * z1 + sqrt(1 - r^2) * z2))
}
out <- function(d, l, alt) {
  t <- t.test(d$x, d$y, paired = TRUE, conf.level = l, alternative = alt)
  list(level = l, alternative = alt, estimate = unname(t$estimate), statistic = unname(t$statistic),
       df = unname(t$parameter), p = t$p.value, ci = lapply(as.numeric(t$conf.int), function(v) if (is.infinite(v)) (if (v > 0) "Inf" else "-Inf") else v))
}
cases <- list()
for (cs in list(c(10, 1.58, 1.23), c(2, -0.4, 2.5), c(30, 0.2, 3.1), c(250, -1.1, 6.0))) for (l in c(0.9, 0.95, 0.99)) for (alt in c("two.sided", "less", "greater"))
  cases[[length(cases) + 1]] <- c(list(input = list(n = cs[1], meanDifference = cs[2], sdDifference = cs[3])), out(diffs_data(cs[1], cs[2], cs[3]), l, alt))
for (cs in list(c(12, 120, 15, 112, 14, 0.6), c(40, 5.2, 1.1, 5.9, 1.4, -0.3), c(8, 30, 4, 30.5, 4, 0.95))) for (l in c(0.9, 0.95)) for (alt in c("two.sided", "less", "greater"))
  cases[[length(cases) + 1]] <- c(list(input = list(n = cs[1], mean1 = cs[2], sd1 = cs[3], mean2 = cs[4], sd2 = cs[5], correlation = cs[6])),
                                  out(pair_data(cs[1], cs[2], cs[3], cs[4], cs[5], cs[6]), l, alt))
write_json(list(generated = paste("R", getRversion()), cases = cases), "test/reference/fixtures/paired_mean.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote test/reference/fixtures/paired_mean.json\n")
