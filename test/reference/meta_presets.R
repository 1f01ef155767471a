# Reference values for the revman5 preset of src/stats/meta/presets.ts: RevMan 5 centres
# Cochran's Q on the Mantel–Haenszel estimate for binary outcomes and takes the
# DerSimonian–Laird τ² from that Q (Deeks & Higgins 2010, Statistical algorithms in Review
# Manager 5; meta's Q.Cochrane = TRUE). Run from the repo root:
#   Rscript --vanilla test/reference/meta_presets.R   (generate.sh does)
# Writes test/reference/fixtures/meta_presets.json.
#
# Independence: the MH estimate is metafor's rma.mh and yi/vi are escalc's; the pooled
# random-effects estimate with that τ² is metafor's rma(tau2 = …) (its own weighted fit).
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

revman <- function(measure, ai, n1i, ci, n2i) {
  es <- escalc(measure, ai = ai, n1i = n1i, ci = ci, n2i = n2i)
  mh <- rma.mh(measure = measure, ai = ai, n1i = n1i, ci = ci, n2i = n2i)
  w <- 1 / es$vi
  k <- length(w)
  Q <- sum(w * (es$yi - c(mh$beta))^2)
  tau2 <- max(0, (Q - (k - 1)) / (sum(w) - sum(w^2) / sum(w)))
  re <- rma(es$yi, es$vi, tau2 = tau2)
  list(measure = measure, mh = c(mh$beta), Q = Q, I2 = max(0, 100 * (Q - (k - 1)) / Q),
       tau2 = tau2, estimate = c(re$beta), se = re$se, ci.lb = re$ci.lb, ci.ub = re$ci.ub,
       dl.tau2 = rma(es$yi, es$vi, method = "DL")$tau2)
}
b <- dat.bcg
out <- list(meta = list(R = R.version.string, metafor = as.character(packageVersion("metafor"))),
            bcg = lapply(c("RR", "OR"), function(m)
              revman(m, b$tpos, b$tpos + b$tneg, b$cpos, b$cpos + b$cneg)))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "test/reference/fixtures/meta_presets.json")
