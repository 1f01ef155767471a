# Reference values for incidence rates in src/stats/meta (rate-effect-sizes.ts,
# rate-comparison.ts): metafor escalc("IRR" | "IRD" | "IRLN" | "IRS") and rma() on
# dat.hart1999 (warfarin vs placebo/control, strokes per patient-years), and R's
# poisson.test() for the exact conditional test and interval of each IRR and the exact
# (Garwood) interval of each rate. Run from the repo root:
#   Rscript --vanilla test/reference/meta_rates.R   (generate.sh does)
# Writes test/reference/fixtures/meta_rates.json.
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})
h <- dat.hart1999
fit <- function(es, method) {
  r <- rma(es$yi, es$vi, method = method)
  list(method = method, estimate = c(r$beta), se = r$se, ci.lb = r$ci.lb, ci.ub = r$ci.ub,
       tau2 = r$tau2, QE = r$QE, pval = r$pval)
}
two <- lapply(c("IRR", "IRD"), function(m) {
  es <- escalc(m, x1i = x1i, t1i = t1i, x2i = x2i, t2i = t2i, data = h)
  list(measure = m, yi = c(es$yi), vi = c(es$vi), fits = lapply(c("REML", "DL"), function(x) fit(es, x)))
})
one <- lapply(c("IRLN", "IRS"), function(m) {
  es <- escalc(m, xi = x1i, ti = t1i, data = h)
  list(measure = m, yi = c(es$yi), vi = c(es$vi), fits = lapply(c("REML", "DL"), function(x) fit(es, x)))
})
exact <- lapply(seq_len(nrow(h)), function(i) {
  pt <- poisson.test(c(h$x1i[i], h$x2i[i]), c(h$t1i[i], h$t2i[i]))
  p1 <- poisson.test(h$x1i[i], h$t1i[i])
  list(irr = unname(pt$estimate), p = pt$p.value, lower = pt$conf.int[1], upper = pt$conf.int[2],
       rate1.lower = p1$conf.int[1], rate1.upper = p1$conf.int[2])
})
zeros <- list(x1i = c(0, 3), t1i = c(10, 20), x2i = c(2, 0), t2i = c(12, 9))
zero <- lapply(c("IRR", "IRD"), function(m) {
  es <- escalc(m, x1i = zeros$x1i, t1i = zeros$t1i, x2i = zeros$x2i, t2i = zeros$t2i)
  list(measure = m, yi = c(es$yi), vi = c(es$vi))
})
zero1 <- lapply(c("IRLN", "IRS"), function(m) {
  es <- escalc(m, xi = zeros$x1i, ti = zeros$t1i)
  list(measure = m, yi = c(es$yi), vi = c(es$vi))
})
out <- list(meta = list(R = R.version.string, metafor = as.character(packageVersion("metafor"))),
            hart = list(study = as.character(h$study), x1i = h$x1i, t1i = h$t1i, x2i = h$x2i, t2i = h$t2i,
                        two = two, one = one, exact = exact),
            zeros = c(zeros, list(two = zero, one = zero1)))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "test/reference/fixtures/meta_rates.json")
