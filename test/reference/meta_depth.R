# Reference values for meta-regression, permutation tests, subgroups with a common τ² and
# small-study / publication-bias methods in src/stats/meta (metafor 3.8-1, metadat 1.2-0).
# Run from the repo root: Rscript --vanilla test/reference/meta_depth.R (generate.sh does).
# Writes test/reference/fixtures/meta_depth.json. Non-finite numbers are written as the
# strings "Inf", "-Inf", "NaN"; NA as null.
#
# Independence: metafor fits rma.uni with dense k × k matrices (P = W − WX(X'WX)⁻¹X'W) and its
# own iteration; the TypeScript code works with p × p cross-products only. The permutation
# test is checked with the exact permutations metafor used (same seed, recorded here), and
# exhaustively against permutest(exact = TRUE).
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
n1 <- function(x) if (length(x) == 0 || is.null(x)) NULL else num(x)[[1]]
mat <- function(m) lapply(seq_len(nrow(m)), function(i) num(m[i, ]))

methods <- c("FE", "DL", "REML", "ML", "PM", "HE", "HS", "SJ", "EB")
tests <- c("z", "knha", "adhoc", "t")

out <- list(meta = list(R = R.version.string, metafor = as.character(packageVersion("metafor")),
                        metadat = as.character(packageVersion("metadat"))))

# --- data -----------------------------------------------------------------------------------
bcg <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
out$bcg <- list(study = paste(bcg$author, bcg$year), yi = num(bcg$yi), vi = num(bcg$vi),
                ablat = num(bcg$ablat), year = num(bcg$year), alloc = as.character(bcg$alloc),
                ai = bcg$tpos, n1i = bcg$tpos + bcg$tneg, ci = bcg$cpos, n2i = bcg$cpos + bcg$cneg)
raud <- dat.raudenbush1985
raud$weeks.c <- ifelse(raud$weeks > 3, 3, raud$weeks)
out$raudenbush <- list(study = paste(raud$author, raud$year), yi = num(raud$yi), vi = num(raud$vi),
                       weeks = num(raud$weeks), weeks_c = num(raud$weeks.c))

# --- meta-regression ------------------------------------------------------------------------
reg_json <- function(fit, newmods = NULL) {
  pr <- predict(fit)
  prt <- predict(fit, pi.type = "t")
  res <- list(
    method = fit$method, test = fit$test, k = fit$k, p = fit$p, colnames = colnames(fit$X),
    beta = num(fit$beta), se = num(fit$se), zval = num(fit$zval), pval = num(fit$pval),
    ci_lb = num(fit$ci.lb), ci_ub = num(fit$ci.ub), vb = mat(fit$vb),
    tau2 = n1(fit$tau2), QE = n1(fit$QE), QEp = n1(fit$QEp), QM = n1(fit$QM), QMp = n1(fit$QMp),
    QMdf = num(fit$QMdf), btt = num(fit$btt), R2 = n1(fit$R2), I2 = n1(fit$I2), H2 = n1(fit$H2),
    vt = n1(fit$vt), ddf = n1(fit$ddf), s2w = n1(fit$s2w),
    ll_ML = n1(fit$fit.stats["ll", "ML"]), ll_REML = n1(fit$fit.stats["ll", "REML"]),
    fitted = num(pr$pred), fitted_se = num(pr$se), fitted_ci_lb = num(pr$ci.lb), fitted_ci_ub = num(pr$ci.ub),
    pi_lb = num(pr$pi.lb), pi_ub = num(pr$pi.ub), pi_t_lb = num(prt$pi.lb), pi_t_ub = num(prt$pi.ub)
  )
  if (!is.null(newmods)) {
    pn <- predict(fit, newmods = newmods)
    res$new <- list(x = mat(cbind(newmods)), pred = num(pn$pred), se = num(pn$se), ci_lb = num(pn$ci.lb),
                    ci_ub = num(pn$ci.ub), pi_lb = num(pn$pi.lb), pi_ub = num(pn$pi.ub))
  }
  res
}

all_reg <- function(yi, vi, mods, newmods = NULL, data) {
  res <- list()
  for (m in methods) for (t in tests) {
    fit <- try(rma(yi, vi, mods = mods, data = data, method = m, test = t), silent = TRUE)
    if (!inherits(fit, "try-error")) res[[paste(m, t, sep = "_")]] <- reg_json(fit, newmods)
  }
  res
}

# Moderators named by the columns of the CSV the CLI reads (categorical ones by level).
out$metareg <- list(
  bcg_ablat = list(data = "bcg", mods = list(list(column = "ablat", type = "numeric")),
                   fits = all_reg(yi, vi, ~ ablat, newmods = c(10, 30, 50), data = bcg)),
  bcg_ablat_year = list(data = "bcg", mods = list(list(column = "ablat", type = "numeric"), list(column = "year", type = "numeric")),
                        fits = all_reg(yi, vi, ~ ablat + year, newmods = rbind(c(20, 1950), c(40, 1970)), data = bcg)),
  bcg_alloc = list(data = "bcg", mods = list(list(column = "alloc", type = "categorical")),
                   fits = all_reg(yi, vi, ~ factor(alloc), data = bcg)),
  bcg_ablat_alloc = list(data = "bcg", mods = list(list(column = "ablat", type = "numeric"), list(column = "alloc", type = "categorical")),
                         fits = all_reg(yi, vi, ~ ablat + factor(alloc), data = bcg)),
  raud_weeks_c = list(data = "raudenbush", mods = list(list(column = "weeks_c", type = "numeric")),
                      fits = all_reg(yi, vi, ~ weeks.c, newmods = c(0, 1, 2, 3), data = raud))
)
# No intercept, categorical: one coefficient per level (QM tests all of them).
fit <- rma(yi, vi, mods = ~ factor(alloc) - 1, data = bcg)
out$metareg_noint <- list(data = "bcg", mods = list(list(column = "alloc", type = "categorical")), fit = reg_json(fit))
# Reference level chosen (relevel): alloc = "random" as the reference.
fit <- rma(yi, vi, mods = ~ relevel(factor(alloc), ref = "random"), data = bcg)
out$metareg_relevel <- list(reference = "random", fit = reg_json(fit))
# btt: test only the year coefficient in ablat + year.
fit <- rma(yi, vi, mods = ~ ablat + year, data = bcg, btt = 3)
out$metareg_btt <- list(btt = 3, fit = reg_json(fit))

# --- permutation tests ----------------------------------------------------------------------
# Seeded (approximate): the permutations metafor draws are reproduced (set.seed, then one
# sample(k) per iteration, applied to the model matrix sorted as permutest sorts it) and
# recorded as, for each permutation, the original row each study receives (1-based).
perm_case <- function(fit, iter, seed) {
  k <- fit$k
  Xdf <- as.data.frame(fit$X)
  ord <- do.call(order, Xdf)
  pt <- permutest(fit, iter = iter, seed = seed, progbar = FALSE)
  set.seed(seed)
  draws <- lapply(seq_len(iter), function(i) sample(k))
  rows <- lapply(draws[-1], function(p) ord[p])
  # check that the recorded permutations reproduce metafor's permutation distribution
  chk <- rma(fit$yi, fit$vi, mods = fit$X[rows[[1]], , drop = FALSE], intercept = FALSE, method = fit$method, test = fit$test, btt = fit$btt)
  stopifnot(abs(chk$QM - pt$QM.perm[2]) < 1e-8)
  list(iter = iter, seed = seed, exact = FALSE, rows = rows, QM_perm = num(pt$QM.perm),
       zval_perm = mat(as.matrix(pt$zval.perm)), QMp = n1(pt$QMp), pval = num(pt$pval))
}
sign_case <- function(fit, iter, seed) {
  k <- fit$k
  pt <- permutest(fit, iter = iter, seed = seed, progbar = FALSE)
  set.seed(seed)
  draws <- lapply(seq_len(iter), function(i) sample(c(-1, 1), k, replace = TRUE))
  chk <- rma(draws[[2]] * fit$yi, fit$vi, method = fit$method, test = fit$test)
  stopifnot(abs(chk$zval - pt$zval.perm[2, 1]) < 1e-8)
  list(iter = iter, seed = seed, exact = FALSE, signs = draws[-1], QM_perm = num(pt$QM.perm),
       zval_perm = num(pt$zval.perm[, 1]), QMp = n1(pt$QMp), pval = num(pt$pval))
}
exact_case <- function(fit) {
  pt <- permutest(fit, exact = TRUE, progbar = FALSE)
  list(exact = TRUE, count = n1(pt$exact.iter), QMp = n1(pt$QMp), pval = num(pt$pval),
       QM_perm_sorted = num(sort(pt$QM.perm)))
}
sub7 <- bcg[1:7, ]
sub9 <- bcg[1:9, ]
out$permutest <- list(
  bcg_ablat_REML_z = c(list(mods = "ablat", method = "REML", test = "z"),
                       perm_case(rma(yi, vi, mods = ~ ablat, data = bcg), 1000, 20261204)),
  bcg_ablat_year_DL_knha = c(list(mods = c("ablat", "year"), method = "DL", test = "knha"),
                             perm_case(rma(yi, vi, mods = ~ ablat + year, data = bcg, method = "DL", test = "knha"), 500, 7)),
  bcg_intercept_REML_z = c(list(mods = character(0), method = "REML", test = "z"),
                           sign_case(rma(yi, vi, data = bcg), 1000, 99)),
  exact_sub7_ablat = c(list(rows = 1:7, mods = "ablat", method = "REML", test = "z"),
                       exact_case(rma(yi, vi, mods = ~ ablat, data = sub7))),
  exact_sub9_alloc = c(list(rows = 1:9, mods = "alloc", method = "DL", test = "z"),
                       exact_case(rma(yi, vi, mods = ~ factor(alloc), data = sub9, method = "DL"))),
  exact_sub9_intercept = c(list(rows = 1:9, mods = character(0), method = "REML", test = "knha"),
                           exact_case(rma(yi, vi, data = sub9, test = "knha")))
)

# --- subgroups with a common τ² (mixed-effects model with the subgroup as a factor) ---------
sub_common <- list()
for (m in c("DL", "REML", "PM")) for (t in c("z", "knha")) {
  me <- rma(yi, vi, mods = ~ factor(alloc), data = bcg, method = m, test = t)
  ne <- rma(yi, vi, mods = ~ factor(alloc) - 1, data = bcg, method = m, test = t)
  sub_common[[paste(m, t, sep = "_")]] <- list(
    levels = levels(factor(bcg$alloc)), tau2 = n1(me$tau2), QM = n1(me$QM), QMdf = num(me$QMdf), QMp = n1(me$QMp),
    QE = n1(me$QE), QEp = n1(me$QEp), estimate = num(ne$beta), se = num(ne$se), ci_lb = num(ne$ci.lb), ci_ub = num(ne$ci.ub),
    pval = num(ne$pval))
}
out$subgroup_common <- sub_common

# --- small-study effects and publication bias -----------------------------------------------
# dat.egger2001 (magnesium, log OR, 16 trials) and dat.bcg (log RR) as 2×2 tables; dat.hackshaw1998
# (log OR from reported CIs, 37 studies, no sample sizes).
eg <- escalc("OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat.egger2001)
hs <- dat.hackshaw1998
out$egger2001 <- list(study = paste(eg$study, eg$year), ai = eg$ai, n1i = eg$n1i, ci = eg$ci, n2i = eg$n2i,
                      yi = num(eg$yi), vi = num(eg$vi))
out$hackshaw <- list(study = paste(hs$author, hs$year), yi = num(hs$yi), vi = num(hs$vi))
bias_sets <- list(bcg = list(yi = bcg$yi, vi = bcg$vi, ni = bcg$tpos + bcg$tneg + bcg$cpos + bcg$cneg),
                  egger2001 = list(yi = eg$yi, vi = eg$vi, ni = eg$n1i + eg$n2i),
                  hackshaw = list(yi = hs$yi, vi = hs$vi, ni = NULL))

regtests <- list()
for (dn in names(bias_sets)) {
  ds <- bias_sets[[dn]]
  preds <- if (is.null(ds$ni)) c("sei", "vi") else c("sei", "vi", "ni", "ninv", "sqrtni", "sqrtninv")
  for (pr in preds) for (mdl in c("rma_REML_z", "rma_DL_knha", "rma_FE_z", "lm")) {
    parts <- strsplit(mdl, "_")[[1]]
    if (parts[1] == "lm") {
      yy <- ds$yi; vv <- ds$vi; nn <- ds$ni
      r <- if (is.null(nn)) regtest(yy, vv, model = "lm", predictor = pr) else regtest(yy, vv, ni = nn, model = "lm", predictor = pr)
    } else {
      f0 <- if (is.null(ds$ni)) rma(ds$yi, ds$vi, method = parts[2], test = parts[3])
            else rma(ds$yi, ds$vi, ni = ds$ni, method = parts[2], test = parts[3])
      r <- regtest(f0, predictor = pr)
    }
    fitc <- if (parts[1] == "lm") NULL else r$fit
    regtests[[paste(dn, pr, mdl, sep = "_")]] <- list(
      data = dn, predictor = pr, model = parts[1], method = if (length(parts) > 1) parts[2] else NULL,
      test = if (length(parts) > 1) parts[3] else NULL,
      zval = n1(r$zval), pval = n1(r$pval), dfs = n1(r$dfs), est = n1(r$est), ci_lb = n1(r$ci.lb), ci_ub = n1(r$ci.ub),
      slope = if (is.null(fitc)) n1(coef(r$fit)[2]) else n1(coef(fitc)[2]), tau2 = if (is.null(fitc)) NULL else n1(fitc$tau2))
  }
}
out$regtest <- regtests

# Begg & Mazumdar rank correlation (exact Kendall when there are no ties, as cor.test(exact = TRUE))
rk <- list()
for (dn in names(bias_sets)) {
  ds <- bias_sets[[dn]]
  yy <- ds$yi; vv <- ds$vi
  r <- ranktest(yy, vv)
  rn <- suppressWarnings(ranktest(yy, vv, exact = FALSE))
  rk[[dn]] <- list(tau = n1(r$tau), pval = n1(r$pval), pval_normal = n1(rn$pval))
}
# ties in vi: the normal approximation with the tie-corrected variance
tied <- c(0.04, 0.04, 0.09, 0.09, 0.16, 0.25, 0.25, 0.36)
tied_y <- c(0.1, 0.3, -0.2, 0.5, 0.05, 0.9, 0.4, 1.1)
r <- suppressWarnings(ranktest(tied_y, tied))
rk$tied <- list(yi = num(tied_y), vi = num(tied), tau = n1(r$tau), pval = n1(r$pval))
out$ranktest <- rk

# Harbord (2006) score test and Peters (2006) test for 2×2 tables, from the papers' definitions
# with R's lm (independent of the TypeScript regression code).
harbord_peters <- function(a, n1, c, n2) {
  a <- as.numeric(a); n1 <- as.numeric(n1); c <- as.numeric(c); n2 <- as.numeric(n2)
  b <- n1 - a; d <- n2 - c; N <- n1 + n2
  E <- n1 * (a + c) / N
  V <- n1 * n2 * (a + c) * (b + d) / (N^2 * (N - 1))
  Z <- a - E
  h <- summary(lm(I(Z / sqrt(V)) ~ sqrt(V)))$coefficients
  es <- escalc("OR", ai = a, n1i = n1, ci = c, n2i = n2)
  w <- 1 / (1 / (a + c) + 1 / (b + d))
  pt <- summary(lm(es$yi ~ I(1 / N), weights = w))$coefficients
  list(harbord = list(bias = n1(h[1, 1]), se = n1(h[1, 2]), t = n1(h[1, 3]), p = n1(h[1, 4]), slope = n1(h[2, 1]), df = length(a) - 2),
       peters = list(slope = n1(pt[2, 1]), se = n1(pt[2, 2]), t = n1(pt[2, 3]), p = n1(pt[2, 4]), intercept = n1(pt[1, 1]), df = length(a) - 2))
}
out$harbord_peters <- list(
  egger2001 = harbord_peters(eg$ai, eg$n1i, eg$ci, eg$n2i),
  bcg = harbord_peters(dat.bcg$tpos, dat.bcg$tpos + dat.bcg$tneg, dat.bcg$cpos, dat.bcg$cpos + dat.bcg$cneg)
)

# Trim and fill (Duval & Tweedie 2000): L0 and R0, side estimated or given, FE/DL/REML
tf <- list()
for (dn in names(bias_sets)) {
  ds <- bias_sets[[dn]]
  for (m in c("FE", "DL", "REML")) for (est in c("L0", "R0")) for (side in c("auto", "left", "right")) {
    fit <- rma(ds$yi, ds$vi, method = m)
    r <- if (side == "auto") trimfill(fit, estimator = est) else trimfill(fit, estimator = est, side = side)
    tf[[paste(dn, m, est, side, sep = "_")]] <- list(
      data = dn, method = m, estimator = est, side_asked = side, side = r$side, k0 = r$k0, se_k0 = n1(r$se.k0),
      p_k0 = n1(r$p.k0), estimate = n1(r$beta), se = n1(r$se), ci_lb = n1(r$ci.lb), ci_ub = n1(r$ci.ub),
      pval = n1(r$pval), tau2 = n1(r$tau2), QE = n1(r$QE), k = r$k,
      fill_yi = num(r$yi[r$fill]), fill_vi = num(r$vi[r$fill]))
  }
}
out$trimfill <- tf

# Fail-safe N
fs <- list()
for (dn in names(bias_sets)) {
  ds <- bias_sets[[dn]]
  for (a in c(0.05, 0.01)) {
    yy <- ds$yi; vv <- ds$vi
    r <- fsn(yy, vv, type = "Rosenthal", alpha = a)
    fs[[paste(dn, "Rosenthal", a, sep = "_")]] <- list(data = dn, type = "Rosenthal", alpha = a, fsnum = n1(r$fsnum), pval = n1(r$pval))
    r <- fsn(yy, vv, type = "Rosenberg", alpha = a)
    fs[[paste(dn, "Rosenberg", a, sep = "_")]] <- list(data = dn, type = "Rosenberg", alpha = a, fsnum = n1(r$fsnum), pval = n1(r$pval), meanes = n1(r$meanes))
  }
  yy <- ds$yi; vv <- ds$vi
  for (w in c(FALSE, TRUE)) {
    r <- fsn(yy, vv, type = "Orwin", weighted = w)
    fs[[paste(dn, "Orwin", w, sep = "_")]] <- list(data = dn, type = "Orwin", weighted = w, fsnum = n1(r$fsnum), meanes = n1(r$meanes), target = n1(r$target))
    r <- fsn(yy, vv, type = "Orwin", weighted = w, target = 0.05)
    fs[[paste(dn, "Orwin", w, "target", sep = "_")]] <- list(data = dn, type = "Orwin", weighted = w, target_asked = 0.05, fsnum = n1(r$fsnum), meanes = n1(r$meanes), target = n1(r$target))
  }
}
out$fsn <- fs

write_json(out, "test/reference/fixtures/meta_depth.json", digits = NA, auto_unbox = TRUE, pretty = FALSE, null = "null")
