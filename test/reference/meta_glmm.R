# Reference values for the GLMMs of src/stats/meta/glmm-meta-analysis.ts (metafor 3.8-1
# rma.glmm with lme4; metadat datasets). Run from the repo root:
#   Rscript --vanilla test/reference/meta_glmm.R   (generate.sh does)
# Writes test/reference/fixtures/meta_glmm.json.
#
# Independence: for measure = "PLO" and model = "UM.FS" metafor fits lme4::glmer (penalised
# iteratively reweighted least squares for the conditional modes, adaptive Gauss–Hermite with
# nAGQ points, bobyqa/Nelder–Mead on the deviance, numerical Hessian for the SEs); for
# model = "CM.EL" it integrates the non-central hypergeometric × normal likelihood with R's
# integrate() (adaptive Gauss–Kronrod, not Gauss–Hermite) and maximises it with optim.
# The TypeScript code profiles the study intercepts, uses its own AGHQ and Nelder–Mead.
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

fit <- function(res, nagq) {
  list(nAGQ = nagq, k = res$k, beta = unname(c(res$beta)), se = unname(res$se),
       zval = unname(res$zval), pval = unname(res$pval), ci.lb = unname(res$ci.lb),
       ci.ub = unname(res$ci.ub), tau2 = res$tau2, logLik = unname(res$fit.stats["ll", "ML"]),
       pi.lb = unname(predict(res)$pi.lb), pi.ub = unname(predict(res)$pi.ub))
}

# lme4's default optimiser stops early on some of these (max|grad| warnings, 1e-4 apart between
# nAGQ = 7 and 15 on dat.nielweise2007); these settings make it converge to ~1e-8.
tight <- list(glmerCtrl = list(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5),
                               tolPwrss = 1e-12))

# (on dat.bcg, whose arms hold thousands, the tight bobyqa run fails; the defaults are used there).
glmm <- function(...) tryCatch(rma.glmm(..., control = tight), error = function(e) rma.glmm(...))

# The log-likelihood at metafor's estimates by integrate() (adaptive Gauss–Kronrod), not
# Gauss–Hermite; for UM.FS each study's intercept is maximised with optimize(). lme4 reports
# its AGQ log-likelihood on another constant, so this is the value the TypeScript one is tested with.
marginal <- function(dens, mu, tau) {
  log(integrate(function(z) sapply(z, function(zz) dens(mu + tau * zz)) * dnorm(z), -Inf, Inf,
                rel.tol = 1e-12, abs.tol = 0)$value)
}
ll.plo <- function(xi, ni, mu, tau)
  sum(sapply(seq_along(xi), function(i) marginal(function(t) dbinom(xi[i], ni[i], plogis(t)), mu, tau)))
ll.umfs <- function(ai, n1i, ci, n2i, mu, tau) {
  sum(sapply(seq_along(ai), function(i) {
    if ((ai[i] == 0 && ci[i] == 0) || (ai[i] == n1i[i] && ci[i] == n2i[i])) return(0)
    ld <- function(alpha, z) dbinom(ai[i], n1i[i], plogis(alpha + mu + tau * z / 2), log = TRUE) +
      dbinom(ci[i], n2i[i], plogis(alpha - tau * z / 2), log = TRUE)
    # Scaled by the integrand's largest value on a grid so that arms of thousands do not underflow.
    f <- function(alpha) {
      g <- seq(-10, 10, by = 0.01)
      top <- max(ld(alpha, g) + dnorm(g, log = TRUE))
      top + log(integrate(function(z) exp(ld(alpha, z) + dnorm(z, log = TRUE) - top), -Inf, Inf,
                          rel.tol = 1e-12, abs.tol = 0, subdivisions = 1000L)$value)
    }
    centre <- qlogis((ci[i] + 0.5) / (n2i[i] + 1))
    optimize(f, c(centre - 15, centre + 15), maximum = TRUE, tol = 1e-11)$objective
  }))
}

out <- list(meta = list(R = R.version.string, metafor = as.character(packageVersion("metafor")),
                        lme4 = as.character(packageVersion("lme4")),
                        metadat = as.character(packageVersion("metadat"))))

# Single proportions: random-effects logistic model (metaprop's default GLMM).
plo <- function(name, xi, ni, study) {
  fits <- lapply(c(7, 15), function(q) fit(glmm(measure = "PLO", xi = xi, ni = ni, nAGQ = q), q))
  f7 <- fits[[1]]
  cp <- t(sapply(seq_along(xi), function(i) binom.test(xi[i], ni[i])$conf.int))
  list(name = name, study = study, xi = xi, ni = ni, fits = fits,
       logLik.integrate = ll.plo(xi, ni, f7$beta, sqrt(f7$tau2)),
       cp.lower = cp[, 1], cp.upper = cp[, 2])
}
pr <- dat.pritz1997
out$plo <- list(
  plo("dat.pritz1997", pr$xi, pr$ni, as.character(pr$authors)),
  plo("dat.debruin2009", dat.debruin2009$xi, dat.debruin2009$ni,
      as.character(dat.debruin2009$author))
)

# Odds ratios: unconditional model with fixed study effects and the conditional
# hypergeometric–normal model.
or <- function(name, ai, n1i, ci, n2i, study) {
  um <- lapply(c(7, 15), function(q)
    fit(glmm(measure = "OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, model = "UM.FS", nAGQ = q), q))
  u7 <- um[[1]]
  cm <- fit(rma.glmm(measure = "OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, model = "CM.EL",
                     control = list(optCtrl = list(reltol = 1e-12))), NA)
  list(name = name, study = study, ai = ai, n1i = n1i, ci = ci, n2i = n2i, UM.FS = um, CM.EL = cm,
       UM.FS.logLik.integrate = ll.umfs(ai, n1i, ci, n2i, u7$beta, sqrt(u7$tau2)))
}
nw <- dat.nielweise2007
bcg <- dat.bcg
out$or <- list(
  or("dat.nielweise2007", nw$ai, nw$n1i, nw$ci, nw$n2i, paste(nw$author, nw$year)),
  or("dat.bcg", bcg$tpos, bcg$tpos + bcg$tneg, bcg$cpos, bcg$cpos + bcg$cneg,
     paste(bcg$author, bcg$year))
)

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "test/reference/fixtures/meta_glmm.json")
