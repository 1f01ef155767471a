# Reference values for the two-arm meta-analysis report analysis (test/report/two-arm-meta.test.ts)
# on the bundled BCG vaccine trials (datasets/bcg-vaccine, = metadat::dat.bcg, Colditz et al. 1994).
# Computed by metafor (rma.uni, rma.mh, leave1out), independently of trialstat's code.
# Run from the repo root: Rscript --vanilla test/reference/two_arm_meta.R
suppressPackageStartupMessages({ library(jsonlite); library(metafor); library(metadat) })

dat <- dat.bcg
dat$study <- paste(dat$author, dat$year)
es <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat)
fit_summary <- function(fit) {
  pr <- predict(fit, transf = exp)
  list(
    estimate = as.numeric(fit$b), se = fit$se, ci_lb = fit$ci.lb, ci_ub = fit$ci.ub, zval = fit$zval, pval = fit$pval,
    tau2 = fit$tau2, I2 = fit$I2, QE = fit$QE, QEp = fit$QEp, k = fit$k,
    rr = as.numeric(pr$pred), rr_lb = as.numeric(pr$ci.lb), rr_ub = as.numeric(pr$ci.ub),
    pi_lb = if (is.null(pr$pi.lb)) NA else as.numeric(pr$pi.lb), pi_ub = if (is.null(pr$pi.ub)) NA else as.numeric(pr$pi.ub),
    weights = as.numeric(weights(fit))
  )
}
out <- list()
out$studies <- dat$study
out$yi <- as.numeric(es$yi)
out$vi <- as.numeric(es$vi)
out$reml <- fit_summary(rma(yi, vi, data = es, method = "REML", test = "t"))
out$reml$test <- "t"
# metafor's default z test, as in its documentation example:
out$reml_z <- fit_summary(rma(yi, vi, data = es, method = "REML"))
out$dl_knha <- fit_summary(rma(yi, vi, data = es, method = "DL", test = "knha"))
mh <- rma.mh(ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat, measure = "RR")
out$mh <- list(estimate = as.numeric(mh$b), se = mh$se, ci_lb = mh$ci.lb, ci_ub = mh$ci.ub, QE = mh$QE, QEp = mh$QEp, I2 = mh$I2, weights = as.numeric(weights(mh)))
# Weight columns of Mantel–Haenszel (OR, RD) and Peto pooling (metafor weights.rma.mh / weights.rma.peto).
out$mh_weights <- list(
  RR = as.numeric(weights(mh)),
  OR = as.numeric(weights(rma.mh(ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat, measure = "OR"))),
  RD = as.numeric(weights(rma.mh(ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat, measure = "RD")))
)
peto <- rma.peto(ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat)
out$peto <- list(estimate = as.numeric(peto$b), ci_lb = peto$ci.lb, ci_ub = peto$ci.ub, weights = as.numeric(weights(peto)))
# Subgroups by allocation (random / alternate / systematic): each pooled by REML, and the test
# for subgroup differences on the subgroup estimates (rma FE on them, as RevMan and meta's subgroup).
sub <- lapply(split(seq_len(nrow(es)), es$alloc), function(i) rma(yi, vi, data = es[i, ], method = "REML"))
out$alloc <- list(
  groups = lapply(names(sub), function(g) list(name = g, studies = dat$study[es$alloc == g], estimate = as.numeric(sub[[g]]$b), ci_lb = sub[[g]]$ci.lb, ci_ub = sub[[g]]$ci.ub, tau2 = sub[[g]]$tau2, QE = sub[[g]]$QE, I2 = sub[[g]]$I2)),
  between = (function() { b <- rma(sapply(sub, function(f) as.numeric(f$b)), sei = sapply(sub, function(f) f$se), method = "FE"); list(Q = b$QE, df = b$k - 1, p = b$QEp) })()
)
inf <- influence(rma(yi, vi, data = es, method = "REML"))
out$influence <- list(rstudent = as.numeric(inf$inf$rstudent), dffits = as.numeric(inf$inf$dffits), cook = as.numeric(inf$inf$cook.d), hat = as.numeric(inf$inf$hat), inf = as.logical(inf$is.infl))
tf <- trimfill(rma(yi, vi, data = es, method = "REML"))
out$trimfill <- list(k0 = tf$k0, side = tf$side, estimate = as.numeric(tf$b))
# Continuous outcomes: metadat::dat.normand1999 (length of stay, specialist vs routine care), MD and SMD.
nd <- dat.normand1999
out$normand <- list(study = paste(nd$source), n1 = nd$n1i, m1 = nd$m1i, sd1 = nd$sd1i, n2 = nd$n2i, m2 = nd$m2i, sd2 = nd$sd2i)
for (m in c("MD", "SMD")) {
  e <- escalc(m, m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd)
  f <- rma(yi, vi, data = e, method = "REML")
  out$normand[[m]] <- list(yi = as.numeric(e$yi), estimate = as.numeric(f$b), ci_lb = f$ci.lb, ci_ub = f$ci.ub, tau2 = f$tau2, I2 = f$I2, QE = f$QE, pi_lb = predict(f)$pi.lb, pi_ub = predict(f)$pi.ub, weights = as.numeric(weights(f)))
}
l1o <- leave1out(rma(yi, vi, data = es, method = "REML"))
out$leave1out <- list(estimate = as.numeric(l1o$estimate), tau2 = as.numeric(l1o$tau2), I2 = as.numeric(l1o$I2))
dir.create("test/reference/fixtures", showWarnings = FALSE)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), "test/reference/fixtures/two_arm_meta.json")

# The bundled dataset's CSV, written from metadat so that no count is retyped by hand.
rows <- do.call(rbind, lapply(seq_len(nrow(dat)), function(i) rbind(
  data.frame(trial = dat$study[i], outcome = "tuberculosis", arm = "BCG", events = dat$tpos[i], n = dat$tpos[i] + dat$tneg[i], source = "colditz-1994"),
  data.frame(trial = dat$study[i], outcome = "tuberculosis", arm = "control", events = dat$cpos[i], n = dat$cpos[i] + dat$cneg[i], source = "colditz-1994")
)))
write.csv(rows, "datasets/bcg-vaccine/arms-binary.csv", row.names = FALSE, quote = FALSE)
