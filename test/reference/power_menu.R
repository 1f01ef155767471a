# Reference for the power menu (src/stats/design/power-methods.ts, power-t-test.ts types and
# solving for sd/alpha). Run from the repo root: Rscript --vanilla test/reference/power_menu.R
# Writes test/reference/fixtures/power_menu.json. Independent of the TypeScript formulas:
#  - pwr family: R's pwr package (its power at given values; solved values are roots of pwr's own
#    power function found with uniroot(tol = 1e-12), because pwr's own uniroot uses tol ≈ 1e-4);
#  - one-sample / paired t: stats::power.t.test(tol = 1e-12), solving for n, delta, sd, sig.level;
#  - Welch: the EXACT power of the Welch test by numerical integration over both sample variances
#    (the analytic formula under test is an approximation and is compared at a stated tolerance);
#  - Farrington–Manning non-inferiority: rpact getPowerRates / getSampleSizeRates (thetaH0 = −δ);
#  - TOST for ratios: exact power by integrate() over the chi-square distribution of the
#    residual variance (PowerTOST is not installed), and the noncentral-t approximation with R's pt.
suppressPackageStartupMessages({
  library(jsonlite)
  library(pwr)
  library(rpact)
})
tight <- function(f, lo, hi) uniroot(f, c(lo, hi), tol = 1e-12)$root
alts <- c("two.sided", "less", "greater")
altName <- function(a) if (a == "two.sided") "two-sided" else a

# --- pwr.norm.test and pwr.p.test (same form with h) -------------------------------------------
norm <- list()
for (a in alts) for (cfg in list(c(0.3, 50, 0.05), c(-0.2, 120, 0.01), c(0.8, 12, 0.1))) {
  d <- cfg[1]; n <- cfg[2]; sl <- cfg[3]
  if (a == "less") d <- -abs(d)
  if (a == "greater") d <- abs(d)
  pw <- pwr.norm.test(d = d, n = n, sig.level = sl, alternative = a)$power
  pf <- function(...) pwr.norm.test(..., alternative = a)$power
  norm[[length(norm) + 1]] <- list(alternative = altName(a), d = d, n = n, alpha = sl, power = pw,
    nFor80 = tight(function(x) pf(d = d, n = x, sig.level = sl) - 0.8, 1 + 1e-10, 1e9),
    alphaFor = tight(function(x) pf(d = d, n = n, sig.level = x) - pw, 1e-10, 1 - 1e-10),
    pPower = pwr.p.test(h = d, n = n, sig.level = sl, alternative = a)$power)
}
normD <- list()
for (a in alts) {
  r <- pwr.norm.test(n = 40, power = 0.8, sig.level = 0.05, alternative = a)
  pf <- function(x) pwr.norm.test(d = x, n = 40, sig.level = 0.05, alternative = a)$power - 0.8
  lim <- switch(a, two.sided = c(1e-10, 10), less = c(-10, 5), greater = c(-5, 10))
  normD[[length(normD) + 1]] <- list(alternative = altName(a), n = 40, d = tight(pf, lim[1], lim[2]), dPwr = r$d)
}

# --- pwr.r.test ----------------------------------------------------------------------------------
corr <- list()
for (a in alts) for (cfg in list(c(0.3, 50, 0.05), c(0.1, 400, 0.05), c(0.5, 20, 0.01))) {
  r <- cfg[1]; n <- cfg[2]; sl <- cfg[3]
  if (a == "less") r <- -r
  pf <- function(...) pwr.r.test(..., alternative = a)$power
  pw <- pf(r = r, n = n, sig.level = sl)
  corr[[length(corr) + 1]] <- list(alternative = altName(a), r = r, n = n, alpha = sl, power = pw,
    nFor80 = tight(function(x) pf(r = r, n = x, sig.level = sl) - 0.8, 4 + 1e-10, 1e9),
    rFor = tight(function(x) pf(r = x, n = n, sig.level = sl) - pw,
                 if (a == "two.sided") 1e-10 else -1 + 1e-10, 1 - 1e-10))
}

# --- pwr.chisq.test, pwr.anova.test, pwr.f2.test (noncentral chi-square and F) -----------------
chisq <- lapply(list(c(0.3, 100, 2, 0.05), c(0.1, 1000, 5, 0.01), c(0.5, 30, 1, 0.05), c(0.2, 250, 12, 0.1)), function(c) {
  pf <- function(w = c[1], N = c[2], df = c[3], sl = c[4]) pwr.chisq.test(w = w, N = N, df = df, sig.level = sl)$power
  pw <- pf()
  list(w = c[1], n = c[2], df = c[3], alpha = c[4], power = pw,
       nFor80 = tight(function(x) pf(N = x) - 0.8, 1 + 1e-10, 1e9),
       wFor = tight(function(x) pf(w = x) - pw, 1e-6, 10))
})
anova <- lapply(list(c(4, 20, 0.25, 0.05), c(3, 50, 0.1, 0.05), c(6, 10, 0.5, 0.01), c(2, 100, 0.2, 0.1)), function(c) {
  pf <- function(k = c[1], n = c[2], f = c[3], sl = c[4]) pwr.anova.test(k = k, n = n, f = f, sig.level = sl)$power
  pw <- pf()
  list(k = c[1], n = c[2], f = c[3], alpha = c[4], power = pw,
       nFor80 = tight(function(x) pf(n = x) - 0.8, 2 + 1e-10, 1e9),
       fFor = tight(function(x) pf(f = x) - pw, 1e-7, 1e7))
})
f2 <- lapply(list(c(3, 60, 0.15, 0.05), c(1, 200, 0.02, 0.05), c(5, 30, 0.35, 0.01), c(10, 500, 0.05, 0.1)), function(c) {
  pf <- function(u = c[1], v = c[2], f2 = c[3], sl = c[4]) pwr.f2.test(u = u, v = v, f2 = f2, sig.level = sl)$power
  pw <- pf()
  list(u = c[1], v = c[2], f2 = c[3], alpha = c[4], power = pw,
       vFor80 = tight(function(x) pf(v = x) - 0.8, 1 + 1e-10, 1e9),
       f2For = tight(function(x) pf(f2 = x) - pw, 1e-7, 1e7))
})

# --- power.t.test one-sample and paired: power, n, delta, sd, sig.level ------------------------
tt <- list()
for (type in c("one.sample", "paired")) for (alt in c("two.sided", "one.sided")) for (cfg in list(c(20, 1, 2, 0.05), c(8, 1.5, 1, 0.05), c(60, 0.3, 1, 0.01))) {
  n <- cfg[1]; delta <- cfg[2]; sd <- cfg[3]; sl <- cfg[4]
  pw <- power.t.test(n = n, delta = delta, sd = sd, sig.level = sl, type = type, alternative = alt)$power
  tt[[length(tt) + 1]] <- list(type = sub(".", "-", type, fixed = TRUE), sided = if (alt == "two.sided") 2 else 1,
    n = n, delta = delta, sd = sd, alpha = sl, power = pw,
    nFor90 = power.t.test(delta = delta, sd = sd, sig.level = sl, power = 0.9, type = type, alternative = alt, tol = 1e-12)$n,
    deltaFor = power.t.test(n = n, sd = sd, sig.level = sl, power = pw, type = type, alternative = alt, tol = 1e-12)$delta,
    sdFor = power.t.test(n = n, delta = delta, sd = NULL, sig.level = sl, power = pw, type = type, alternative = alt, tol = 1e-12)$sd,
    alphaFor = power.t.test(n = n, delta = delta, sd = sd, sig.level = NULL, power = pw, type = type, alternative = alt, tol = 1e-12)$sig.level)
}
# Two-sample: solving for sd and sig.level (power.t.test's other unknowns are in design.R).
tt2 <- lapply(list(c(20, 1, 1.5, 0.05), c(50, 0.5, 1, 0.01)), function(c) {
  pw <- power.t.test(n = c[1], delta = c[2], sd = c[3], sig.level = c[4])$power
  list(n = c[1], delta = c[2], sd = c[3], alpha = c[4], power = pw,
       sdFor = power.t.test(n = c[1], delta = c[2], sd = NULL, sig.level = c[4], power = pw, tol = 1e-12)$sd,
       alphaFor = power.t.test(n = c[1], delta = c[2], sd = c[3], sig.level = NULL, power = pw, tol = 1e-12)$sig.level)
})

# --- Welch: exact power of the Welch test by integration over both sample variances -----------
welchExact <- function(n1, n2, delta, s1, s2, alpha, alt) {
  sdD <- sqrt(s1^2 / n1 + s2^2 / n2)
  inner <- function(v1, v2) {  # v = sample variance / population variance, ~ chi2(df)/df
    a <- s1^2 * v1 / n1; b <- s2^2 * v2 / n2
    se <- sqrt(a + b)
    df <- (a + b)^2 / (a^2 / (n1 - 1) + b^2 / (n2 - 1))
    if (alt == "two-sided") {
      t <- qt(alpha / 2, df, lower.tail = FALSE)
      pnorm((-t * se - delta) / sdD) + pnorm((t * se - delta) / sdD, lower.tail = FALSE)
    } else {
      t <- qt(alpha, df, lower.tail = FALSE)
      pnorm((t * se - delta) / sdD, lower.tail = FALSE)
    }
  }
  f1 <- n1 - 1; f2 <- n2 - 1
  outer <- function(v1) sapply(v1, function(x) {
    integrate(function(v2) sapply(v2, function(y) inner(x, y)) * dchisq(v2 * f2, f2) * f2,
              0, Inf, rel.tol = 1e-10)$value
  })
  integrate(function(v1) outer(v1) * dchisq(v1 * f1, f1) * f1, 0, Inf, rel.tol = 1e-10)$value
}
welch <- lapply(list(c(30, 30, 1, 1, 2, 0.05), c(10, 20, 1, 1, 1.5, 0.05), c(50, 25, 0.5, 1, 0.8, 0.05),
                     c(15, 15, 0.8, 1.2, 0.6, 0.01), c(100, 100, 0.3, 1, 1, 0.05)), function(c) {
  list(n1 = c[1], n2 = c[2], delta = c[3], sd1 = c[4], sd2 = c[5], alpha = c[6],
       exactTwoSided = welchExact(c[1], c[2], c[3], c[4], c[5], c[6], "two-sided"),
       exactGreater = welchExact(c[1], c[2], c[3], c[4], c[5], c[6], "greater"),
       # Equal SDs and n: Welch's df at the true SDs is 2(n − 1), i.e. power.t.test (strict).
       tTest = if (c[1] == c[2] && c[4] == c[5])
         power.t.test(n = c[1], delta = c[3], sd = c[4], sig.level = c[6], strict = TRUE)$power else NULL)
})

# --- Farrington–Manning non-inferiority (rpact: thetaH0 = −margin; its ratio is n1/n2) ---------
fm <- lapply(list(c(0.8, 0.8, 0.1, 1, 0.025, 0.8), c(0.7, 0.75, 0.1, 2, 0.025, 0.9), c(0.9, 0.85, 0.05, 1, 0.05, 0.8),
                  c(0.3, 0.3, 0.15, 0.5, 0.025, 0.8), c(0.95, 0.95, 0.05, 1, 0.025, 0.9)), function(c) {
  ss <- getSampleSizeRates(groups = 2, thetaH0 = -c[3], pi1 = c[1], pi2 = c[2], alpha = c[5], beta = 1 - c[6],
                           sided = 1, allocationRatioPlanned = c[4])
  pw <- getPowerRates(groups = 2, thetaH0 = -c[3], pi1 = c[1], pi2 = c[2], alpha = c[5], sided = 1,
                      maxNumberOfSubjects = 300, allocationRatioPlanned = c[4])
  list(p1 = c[1], p2 = c[2], margin = c[3], rpactAllocation = c[4], ratio = 1 / c[4], alpha = c[5], power = c[6],
       nTotal = ss$maxNumberOfSubjects, n1 = ss$maxNumberOfSubjects * c[4] / (1 + c[4]),
       powerAt300 = pw$overallReject, n1At300 = 300 * c[4] / (1 + c[4]))
})

# --- TOST for a ratio on the log scale ----------------------------------------------------------
designs <- list("2x2" = c(2, 2), parallel = c(4, 2), paired = c(1, 1))  # b, df = n − offset
tostExact <- function(theta0, theta1, theta2, cv, n, alpha, design) {
  b <- designs[[design]][1]; df <- n - designs[[design]][2]
  se <- sqrt(log(1 + cv^2)) * sqrt(b / n)
  t <- qt(alpha, df, lower.tail = FALSE)
  d1 <- (log(theta0) - log(theta1)) / se; d2 <- (log(theta0) - log(theta2)) / se
  top <- df * ((d1 - d2) / (2 * t))^2  # chi-square scale: X = df S²
  if (top <= 0) return(0)
  f <- function(x) { s <- sqrt(x / df); pmax(0, pnorm(d1 - t * s) - pnorm(d2 + t * s)) * dchisq(x, df) }
  # integrate in pieces around the chi-square mass, as rel.tol needs
  cuts <- unique(sort(c(0, pmin(top, qchisq(c(1e-12, 0.01, 0.5, 0.99, 1 - 1e-12), df)), top)))
  sum(sapply(seq_len(length(cuts) - 1), function(i) integrate(f, cuts[i], cuts[i + 1], rel.tol = 1e-12, abs.tol = 0)$value))
}
tostNct <- function(theta0, theta1, theta2, cv, n, alpha, design) {
  b <- designs[[design]][1]; df <- n - designs[[design]][2]
  se <- sqrt(log(1 + cv^2)) * sqrt(b / n)
  t <- qt(alpha, df, lower.tail = FALSE)
  d1 <- (log(theta0) - log(theta1)) / se; d2 <- (log(theta0) - log(theta2)) / se
  max(0, pt(-t, df, ncp = d2) - pt(t, df, ncp = d1))
}
tost <- list()
for (cfg in list(list(0.95, 0.8, 1.25, 0.3, 40, 0.05, "2x2"), list(0.95, 0.8, 1.25, 0.3, 12, 0.05, "2x2"),
                 list(1, 0.8, 1.25, 0.2, 24, 0.05, "2x2"), list(0.9, 0.8, 1.25, 0.25, 60, 0.05, "parallel"),
                 list(1.05, 0.8, 1.25, 0.4, 30, 0.05, "paired"), list(0.95, 0.9, 1.11, 0.1, 16, 0.05, "2x2"),
                 list(0.92, 0.8, 1.25, 0.5, 200, 0.05, "parallel"), list(0.95, 0.8, 1.25, 0.3, 6, 0.05, "2x2"),
                 list(0.95, 0.8, 1.25, 0.15, 2000, 0.025, "parallel"))) {
  args <- cfg; names(args) <- c("theta0", "theta1", "theta2", "cv", "n", "alpha", "design")
  tost[[length(tost) + 1]] <- c(args, list(exact = do.call(tostExact, args), nct = do.call(tostNct, args)))
}

fixture <- list(norm = norm, normD = normD, corr = corr, chisq = chisq, anova = anova, f2 = f2,
                tTypes = tt, tTwoSample = tt2, welch = welch, fm = fm, tost = tost)
writeLines(toJSON(fixture, auto_unbox = TRUE, digits = NA, null = "null", pretty = FALSE),
           "test/reference/fixtures/power_menu.json")
