# Reference values for src/stats/meta/bayesian-meta-analysis.ts (the bayesmeta approach,
# Röver 2020, J Stat Softw 93(6)); bayesmeta itself is not installed, so the posterior is
# written out here and integrated with R's integrate() (QUADPACK qagi on [0, ∞), not the
# TypeScript Gauss–Kronrod grid); quantiles by uniroot(). Run from the repo root:
#   Rscript --vanilla test/reference/meta_bayes.R   (generate.sh does)
# Writes test/reference/fixtures/meta_bayes.json.
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})
rtol <- 1e-12

bayes <- function(name, y, se, prior, scale = NA, mu.mean = NA, mu.sd = NA) {
  v <- se^2
  w0 <- if (is.na(mu.sd)) 0 else 1 / mu.sd^2
  m0 <- if (is.na(mu.sd)) 0 else mu.mean
  logprior <- switch(prior,
    "half-normal" = function(t) dnorm(t, 0, scale, log = TRUE),
    "half-cauchy" = function(t) dcauchy(t, 0, scale, log = TRUE),
    "exponential" = function(t) dexp(t, 1 / scale, log = TRUE),
    "uniform" = function(t) 0)
  cond <- function(t) {
    w <- 1 / (v + t^2); W <- sum(w) + w0
    list(w = w, W = W, m = (sum(w * y) + w0 * m0) / W)
  }
  logpost <- function(t) {
    cc <- cond(t)
    logprior(t) + 0.5 * sum(log(cc$w)) - 0.5 * log(cc$W) - 0.5 * sum(cc$w * (y - cc$m)^2) -
      0.5 * w0 * (m0 - cc$m)^2
  }
  off <- logpost(median(se))
  un <- function(t) sapply(t, function(tt) exp(logpost(tt) - off))
  Z <- integrate(un, 0, Inf, rel.tol = rtol)$value
  dtau <- function(t) un(t) / Z
  ptau <- function(t) if (t <= 0) 0 else integrate(dtau, 0, t, rel.tol = rtol)$value
  hi <- 1; while (ptau(hi) < 1 - 1e-10) hi <- hi * 2
  qtau <- function(p) uniroot(function(t) ptau(t) - p, c(0, hi), tol = 1e-13)$root
  E <- function(g) integrate(function(t) sapply(t, function(tt) g(tt) * dtau(tt)), 0, Inf,
                             rel.tol = rtol)$value
  # A normal mixture over τ: mean m(τ), sd s(τ).
  mixture <- function(m, s) {
    cdf <- function(x) E(function(t) pnorm(x, m(t), s(t)))
    dens <- function(x) E(function(t) dnorm(x, m(t), s(t)))
    q <- function(p) uniroot(function(x) cdf(x) - p, c(-1e3, 1e3), tol = 1e-12)$root
    mean <- E(m)
    sd <- sqrt(E(function(t) s(t)^2 + m(t)^2) - mean^2)
    # shortest: equal density at both ends
    p <- uniroot(function(p) dens(q(p)) - dens(q(p + 0.95)), c(1e-9, 0.05 - 1e-9), tol = 1e-13)$root
    list(median = q(0.5), mean = mean, sd = sd, shortest = c(q(p), q(p + 0.95)),
         central = c(q(0.025), q(0.975)), p0 = 1 - cdf(0))
  }
  mu <- mixture(function(t) cond(t)$m, function(t) sqrt(1 / cond(t)$W))
  pred <- mixture(function(t) cond(t)$m, function(t) sqrt(1 / cond(t)$W + t^2))
  shrink <- lapply(seq_along(y), function(i) {
    b <- function(t) v[i] / (v[i] + t^2)
    mixture(function(t) b(t) * cond(t)$m + (1 - b(t)) * y[i],
            function(t) sqrt(v[i] * (1 - b(t)) + b(t)^2 / cond(t)$W))
  })
  tmean <- E(function(t) t)
  tshort <- if (dtau(0) >= dtau(qtau(0.95))) c(0, qtau(0.95)) else {
    p <- uniroot(function(p) dtau(qtau(p)) - dtau(qtau(p + 0.95)), c(1e-9, 0.05 - 1e-9), tol = 1e-13)$root
    c(qtau(p), qtau(p + 0.95))
  }
  list(name = name, y = y, se = se, prior = prior, scale = scale, mu.mean = mu.mean, mu.sd = mu.sd,
       tau = list(median = qtau(0.5), mean = tmean, sd = sqrt(E(function(t) t^2) - tmean^2),
                  shortest = tshort, central = c(qtau(0.025), qtau(0.975))),
       mu = mu, predictive = pred,
       shrinkage.median = sapply(shrink, function(s) s$median),
       shrinkage.mean = sapply(shrink, function(s) s$mean),
       shrinkage1 = shrink[[1]])
}

schools.y <- c(28.39, 7.94, -2.75, 6.82, -0.64, 0.63, 18.01, 12.16)
schools.se <- c(14.9, 10.2, 16.3, 11.0, 9.4, 11.4, 10.4, 17.6)
# Crins et al. 2014 (bayesmeta's CrinsEtAl2014, in its row order): acute rejection, log OR.
crins <- escalc("OR", ai = c(14, 16, 3, 9, 4, 0), n1i = c(61, 28, 18, 54, 36, 50),
                ci = c(15, 19, 8, 29, 11, 3), n2i = c(20, 28, 12, 54, 36, 34))
b <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
out <- list(
  meta = list(R = R.version.string, metafor = as.character(packageVersion("metafor"))),
  cases = list(
    bayes("eight schools, half-Cauchy(25), mu ~ N(0, 50)", schools.y, schools.se, "half-cauchy", 25, 0, 50),
    bayes("eight schools, uniform priors", schools.y, schools.se, "uniform"),
    bayes("Crins 2014 log OR, half-normal(0.5)", c(crins$yi), sqrt(c(crins$vi)), "half-normal", 0.5),
    bayes("Crins 2014 log OR, half-Cauchy(1)", c(crins$yi), sqrt(c(crins$vi)), "half-cauchy", 1),
    bayes("dat.bcg log RR, exponential(0.5)", c(b$yi), sqrt(c(b$vi)), "exponential", 0.5)
  ))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "test/reference/fixtures/meta_bayes.json")
