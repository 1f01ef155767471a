# Reference values for src/stats/meta (metafor 3.8-1, metadat 1.2-0).
# Run from the repo root: Rscript --vanilla test/reference/meta.R
# Writes test/reference/fixtures/meta.json. Non-finite numbers are written as the strings
# "Inf", "-Inf", "NaN"; NA as null.
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

num <- function(x) {
  x <- unname(c(x))
  lapply(x, function(v) {
    if (is.na(v) && !is.nan(v)) return(NULL)
    if (is.nan(v)) return("NaN")
    if (is.infinite(v)) return(if (v > 0) "Inf" else "-Inf")
    v
  })
}
# one number (not a list)
n1 <- function(x) if (length(x) == 0) NULL else num(x)[[1]]

methods <- c("FE", "DL", "REML", "ML", "PM", "HE", "HS", "SJ", "EB")
tests <- c("z", "knha", "adhoc", "t")

fit_json <- function(fit) {
  pz <- predict(fit)
  out <- list(
    method = fit$method, test = fit$test, k = fit$k,
    estimate = n1(fit$beta), se = n1(fit$se), zval = n1(fit$zval), pval = n1(fit$pval),
    ci_lb = n1(fit$ci.lb), ci_ub = n1(fit$ci.ub),
    tau2 = n1(fit$tau2), se_tau2 = n1(fit$se.tau2), QE = n1(fit$QE), QEp = n1(fit$QEp),
    I2 = n1(fit$I2), H2 = n1(fit$H2), vt = n1(fit$vt),
    iter = if (is.null(fit$iter)) NULL else n1(fit$iter),
    pi_lb = n1(pz$pi.lb), pi_ub = n1(pz$pi.ub),
    weights = num(weights(fit))
  )
  if (!(fit$method %in% c("FE"))) {
    ci <- confint(fit)
    out$tau2_ci <- num(ci$random["tau^2", c("ci.lb", "ci.ub")])
    out$I2_ci <- num(ci$random["I^2(%)", c("ci.lb", "ci.ub")])
    out$H2_ci <- num(ci$random["H^2", c("ci.lb", "ci.ub")])
    ci_tight <- confint(fit, control = list(tol = 1e-12))
    out$tau2_ci_tight <- num(ci_tight$random["tau^2", c("ci.lb", "ci.ub")])
  }
  out
}

all_fits <- function(yi, vi) {
  res <- list()
  for (m in methods) for (t in tests) {
    fit <- try(rma(yi, vi, method = m, test = t), silent = TRUE)
    if (!inherits(fit, "try-error")) res[[paste(m, t, sep = "_")]] <- fit_json(fit)
  }
  # PM with a tight root-finding tolerance (metafor's default tol is eps^0.25)
  res[["PM_tight"]] <- fit_json(rma(yi, vi, method = "PM", control = list(tol = 1e-12)))
  res
}

sensitivity_json <- function(yi, vi, order = NULL) {
  fit <- rma(yi, vi, method = "REML")
  l1 <- leave1out(fit)
  infl <- influence(fit)
  inf <- infl$inf
  reg <- regtest(fit, model = "rma")
  reg_lm <- regtest(fit, model = "lm")
  out <- list(
    leave1out = list(estimate = num(l1$estimate), se = num(l1$se), pval = num(l1$pval),
                     ci_lb = num(l1$ci.lb), ci_ub = num(l1$ci.ub), Q = num(l1$Q), Qp = num(l1$Qp),
                     tau2 = num(l1$tau2), I2 = num(l1$I2), H2 = num(l1$H2)),
    influence = list(rstudent = num(inf$rstudent), dffits = num(inf$dffits), cook_d = num(inf$cook.d),
                     cov_r = num(inf$cov.r), tau2_del = num(inf$tau2.del), QE_del = num(inf$QE.del),
                     hat = num(inf$hat), weight = num(inf$weight),
                     dfbetas = num(infl$dfbs[[1]]), influential = as.list(infl$is.infl)),
    regtest = list(zval = n1(reg$zval), pval = n1(reg$pval), est = n1(reg$est),
                   ci_lb = n1(reg$ci.lb), ci_ub = n1(reg$ci.ub),
                   slope = n1(coef(reg$fit)[2]), slope_se = n1(reg$fit$se[2]), tau2 = n1(reg$fit$tau2)),
    regtest_lm = list(zval = n1(reg_lm$zval), pval = n1(reg_lm$pval), dfs = n1(reg_lm$dfs),
                      est = n1(reg_lm$est), ci_lb = n1(reg_lm$ci.lb), ci_ub = n1(reg_lm$ci.ub))
  )
  if (!is.null(order)) {
    cu <- cumul(fit, order = order)
    out$cumul <- list(order = order, estimate = num(cu$estimate), se = num(cu$se), ci_lb = num(cu$ci.lb),
                      ci_ub = num(cu$ci.ub), tau2 = num(cu$tau2), I2 = num(cu$I2), Q = num(cu$Q))
  }
  out
}

esc_json <- function(es) list(yi = num(es$yi), vi = num(es$vi))

out <- list(meta = list(R = R.version.string, metafor = as.character(packageVersion("metafor")),
                        metadat = as.character(packageVersion("metadat"))))

# --- BCG vaccine (Colditz et al. 1994), binary ---------------------------------------------
bcg <- dat.bcg
out$bcg <- list(
  data = list(study = paste(bcg$author, bcg$year), year = bcg$year, ai = bcg$tpos, n1i = bcg$tpos + bcg$tneg,
              ci = bcg$cpos, n2i = bcg$cpos + bcg$cneg, ablat = bcg$ablat,
              alloc = as.character(bcg$alloc)),
  escalc = list(
    RR = esc_json(escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)),
    OR = esc_json(escalc("OR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)),
    RD = esc_json(escalc("RD", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg))
  )
)
bcg_rr <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)
out$bcg$fits <- all_fits(bcg_rr$yi, bcg_rr$vi)
out$bcg$sensitivity <- sensitivity_json(bcg_rr$yi, bcg_rr$vi, order = bcg$year)
for (m in c("RR", "OR", "RD")) {
  mh <- rma.mh(ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg, measure = m)
  out$bcg$mh[[m]] <- list(estimate = n1(mh$beta), se = n1(mh$se), ci_lb = n1(mh$ci.lb), ci_ub = n1(mh$ci.ub),
                          zval = n1(mh$zval), pval = n1(mh$pval), QE = n1(mh$QE), QEp = n1(mh$QEp),
                          I2 = n1(mh$I2), H2 = n1(mh$H2))
}
pe <- rma.peto(ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)
out$bcg$peto <- list(estimate = n1(pe$beta), se = n1(pe$se), ci_lb = n1(pe$ci.lb), ci_ub = n1(pe$ci.ub),
                     zval = n1(pe$zval), pval = n1(pe$pval), QE = n1(pe$QE), QEp = n1(pe$QEp), I2 = n1(pe$I2))
# subgroups by allocation: REML within each, Q between from the fixed-effect meta-regression of the
# subgroup estimates (as meta's update(..., subgroup) with common between-study variance NOT assumed)
sg <- lapply(split(seq_len(nrow(bcg)), bcg$alloc), function(ix) {
  f <- rma(bcg_rr$yi[ix], bcg_rr$vi[ix], method = "REML")
  list(estimate = n1(f$beta), se = n1(f$se), tau2 = n1(f$tau2), k = f$k)
})
sg_est <- sapply(sg, function(s) s$estimate); sg_se <- sapply(sg, function(s) s$se)
qb <- rma(sg_est, sei = sg_se, method = "FE")
out$bcg$subgroup_alloc <- list(groups = sg, Qbetween = n1(qb$QE), df = length(sg) - 1, p = n1(qb$QEp))

# --- Zero cells: Nielweise et al. 2007 (catheter infections) plus a double-zero study -------
nw <- rbind(dat.nielweise2007[, c("ai", "n1i", "ci", "n2i")], data.frame(ai = 0, n1i = 50, ci = 0, n2i = 48))
out$zeros <- list(data = list(ai = nw$ai, n1i = nw$n1i, ci = nw$ci, n2i = nw$n2i))
for (m in c("RR", "OR", "RD")) {
  d00 <- m != "RD"
  es <- escalc(m, ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = nw, add = 1/2, to = "only0", drop00 = d00)
  out$zeros$escalc[[m]] <- esc_json(es)
  ok <- !is.na(es$yi)
  out$zeros$fits[[m]] <- fit_json(rma(es$yi[ok], es$vi[ok], method = "REML"))
  mh <- rma.mh(ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = nw, measure = m)
  out$zeros$mh[[m]] <- list(estimate = n1(mh$beta), se = n1(mh$se), ci_lb = n1(mh$ci.lb), ci_ub = n1(mh$ci.ub),
                            pval = n1(mh$pval), QE = n1(mh$QE), QEp = n1(mh$QEp), I2 = n1(mh$I2))
}
pe <- rma.peto(ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = nw)
out$zeros$peto <- list(estimate = n1(pe$beta), se = n1(pe$se), ci_lb = n1(pe$ci.lb), ci_ub = n1(pe$ci.ub),
                       pval = n1(pe$pval), QE = n1(pe$QE), QEp = n1(pe$QEp), I2 = n1(pe$I2))

# --- Normand 1999 (length of hospital stay), continuous -------------------------------------
nd <- dat.normand1999
out$normand <- list(
  data = list(study = as.character(nd$source), n1i = nd$n1i, m1i = nd$m1i, sd1i = nd$sd1i,
              n2i = nd$n2i, m2i = nd$m2i, sd2i = nd$sd2i),
  escalc = list(
    MD = esc_json(escalc("MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd)),
    SMD = esc_json(escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd)),
    ROM = esc_json(escalc("ROM", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd))
  )
)
nd_md <- escalc("MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd)
out$normand$fits <- all_fits(nd_md$yi, nd_md$vi)
out$normand$sensitivity <- sensitivity_json(nd_md$yi, nd_md$vi)
nd_smd <- escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd)
out$normand$smd_reml <- fit_json(rma(nd_smd$yi, nd_smd$vi, method = "REML"))

# --- Hackshaw 1998 (passive smoking, reported ORs with CIs), generic -----------------------
hs <- dat.hackshaw1998
# from a reported 95% CI on the ratio scale: yi = log(or), sei = (log(ub) - log(lb)) / (2 qnorm(0.975))
ci_es <- list(yi = log(hs$or), vi = ((log(hs$or.ub) - log(hs$or.lb)) / (2 * qnorm(0.975)))^2)
out$hackshaw <- list(
  data = list(study = paste(hs$author, hs$year), year = hs$year, or = hs$or, or_lb = hs$or.lb, or_ub = hs$or.ub, yi = hs$yi, vi = hs$vi),
  from_ci = esc_json(ci_es)
)
out$hackshaw$fits <- all_fits(hs$yi, hs$vi)
out$hackshaw$sensitivity <- sensitivity_json(hs$yi, hs$vi, order = hs$year)
# from a two-sided p-value: sei = |yi| / qnorm(1 - p/2)
pvals <- 2 * pnorm(-abs(hs$yi / sqrt(hs$vi)))
out$hackshaw$from_p <- list(p = num(pvals), yi = num(hs$yi), sei = num(abs(hs$yi) / qnorm(pvals / 2, lower.tail = FALSE)))

# --- Single proportions: Pritz 1997 ---------------------------------------------------------
pz <- dat.pritz1997
out$pritz <- list(data = list(study = as.character(pz$authors), xi = pz$xi, ni = pz$ni))
for (m in c("PLO", "PFT", "PR")) {
  es <- escalc(m, xi = xi, ni = ni, data = pz)
  f <- rma(es$yi, es$vi, method = "REML")
  p <- predict(f)
  tr <- switch(m, PLO = transf.ilogit, PR = identity, PFT = function(x) transf.ipft.hm(x, targs = list(ni = pz$ni)))
  out$pritz[[m]] <- list(escalc = esc_json(es), fit = fit_json(f),
                         transformed = list(estimate = n1(tr(f$beta)), ci_lb = n1(tr(f$ci.lb)), ci_ub = n1(tr(f$ci.ub)),
                                            pi_lb = n1(tr(p$pi.lb)), pi_ub = n1(tr(p$pi.ub))))
}
# zero and all-event proportions
zp <- data.frame(xi = c(0, 3, 10, 12), ni = c(10, 15, 10, 40))
out$prop_edges <- list(data = list(xi = zp$xi, ni = zp$ni))
for (m in c("PLO", "PFT", "PR")) out$prop_edges[[m]] <- esc_json(escalc(m, xi = xi, ni = ni, data = zp))

# --- k = 2, tau2 = 0 boundary, k = 1 ---------------------------------------------------------
out$k2 <- list(yi = num(bcg_rr$yi[1:2]), vi = num(bcg_rr$vi[1:2]), fits = all_fits(bcg_rr$yi[1:2], bcg_rr$vi[1:2]))
hom_y <- c(0.10, 0.12, 0.09, 0.11, 0.105)
hom_v <- c(0.04, 0.05, 0.03, 0.06, 0.045)
out$homogeneous <- list(yi = num(hom_y), vi = num(hom_v), fits = all_fits(hom_y, hom_v))

# --- Large k simulated ------------------------------------------------------------------------
set.seed(20240101)
kL <- 200
viL <- runif(kL, 0.01, 0.2)
yiL <- rnorm(kL, 0.3, sqrt(0.05 + viL))
out$large <- list(yi = num(yiL), vi = num(viL), fits = all_fits(yiL, viL))

dir.create("test/reference/fixtures", showWarnings = FALSE, recursive = TRUE)
write_json(out, "test/reference/fixtures/meta.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")
cat("wrote test/reference/fixtures/meta.json\n")
