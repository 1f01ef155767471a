# Reference values for src/stats/binary (two-arm 2x2 tables).
# Run from the repo root: Rscript --vanilla test/reference/binary.R
# Writes test/reference/fixtures/binary.json.
#
# Table orientation everywhere: arm 1 (experimental) events x1 of n1, arm 2 (comparator) x2 of n2.
# R's fisher.test / chisq.test get matrix(c(x1, x2, n1 - x1, n2 - x2), 2): rows = arms,
# column 1 = events, so the odds ratio is x1 (n2 - x2) / ((n1 - x1) x2).
#
# Base R has no Miettinen-Nurminen or Koopman interval and no CRAN package for them is
# installed here, so they are implemented below from the published algorithms (score
# statistic with the constrained MLE, inverted by uniroot):
#   Miettinen OS, Nurminen M (1985) Comparative analysis of two rates. Stat Med 4:213-226.
#   Farrington CP, Manning G (1990) Stat Med 9:1447-1454 (closed-form constrained MLE for RD).
#   Koopman PAR (1984) Confidence intervals for the ratio of two binomial proportions.
#     Biometrics 40:513-517 (= MN risk-ratio score without the N/(N-1) factor).
# The Koopman port is cross-checked against PropCIs::riskscoreci's non-iterative cubic
# (Nam 1995), re-implemented as `nam_riskscoreci` below for interior tables.
# These closed forms are the ones under test; the independent reference for the score
# intervals (numeric constrained MLE, all tables n1, n2 <= 8, n up to 1e6) is score_intervals.R.
library(jsonlite)
library(metafor)

enc <- function(x) {
  if (is.null(x)) return(NULL)
  if (length(x) == 1 && is.na(x)) return("NaN")
  if (length(x) == 1 && is.infinite(x)) return(if (x > 0) "Inf" else "-Inf")
  x
}
enc_v <- function(v) lapply(as.numeric(v), enc)

tab <- function(x1, n1, x2, n2) matrix(c(x1, x2, n1 - x1, n2 - x2), 2)

# ---------- Miettinen-Nurminen / Koopman score statistics ----------
# Constrained MLE of (p1, p2) under p1 - p2 = delta (Farrington & Manning 1990, closed form).
rd_constrained <- function(x1, n1, x2, n2, delta) {
  theta <- n2 / n1
  p1h <- x1 / n1; p2h <- x2 / n2
  a <- 1 + theta
  b <- -(1 + theta + p1h + theta * p2h + delta * (theta + 2))
  c <- delta^2 + delta * (2 * p1h + theta + 1) + p1h + theta * p2h
  d <- -p1h * delta * (1 + delta)
  v <- b^3 / (3 * a)^3 - b * c / (6 * a^2) + d / (2 * a)
  # sign(v) with v = 0 taken as +1 (then cos(w) = 0 and the sign does not matter)
  u <- (if (v < 0) -1 else 1) * sqrt(max(0, b^2 / (3 * a)^2 - c / (3 * a)))
  if (u == 0) u <- 1e-300
  w <- (pi + acos(max(-1, min(1, v / u^3)))) / 3
  p1 <- 2 * u * cos(w) - b / (3 * a)
  p1 <- min(1, max(0, p1))
  p2 <- min(1, max(0, p1 - delta))
  c(p1, p2)
}
rd_score_z <- function(x1, n1, x2, n2, delta, mn = TRUE) {
  p <- rd_constrained(x1, n1, x2, n2, delta)
  N <- n1 + n2
  v <- p[1] * (1 - p[1]) / n1 + p[2] * (1 - p[2]) / n2
  if (mn) v <- v * N / (N - 1)
  num <- x1 / n1 - x2 / n2 - delta
  if (num == 0) 0 else num / sqrt(v)
}
rr_constrained <- function(x1, n1, x2, n2, theta) {
  N <- n1 + n2
  A <- N * theta; B <- -(n1 * theta + x1 + n2 + x2 * theta); C <- x1 + x2
  p2 <- (-B - sqrt(max(0, B^2 - 4 * A * C))) / (2 * A)
  c(p2 * theta, p2)
}
rr_score_z <- function(x1, n1, x2, n2, theta, mn = TRUE) {
  p <- rr_constrained(x1, n1, x2, n2, theta)
  N <- n1 + n2
  v <- p[1] * (1 - p[1]) / n1 + theta^2 * p[2] * (1 - p[2]) / n2
  if (mn) v <- v * N / (N - 1)
  num <- x1 / n1 - theta * x2 / n2
  if (num == 0) 0 else num / sqrt(v)
}
or_constrained <- function(x1, n1, x2, n2, psi) {
  m <- x1 + x2
  if (abs(psi - 1) < 1e-12) return(c(m / (n1 + n2), m / (n1 + n2)))
  A <- n2 * (psi - 1); B <- n1 * psi + n2 - m * (psi - 1); C <- -m
  p2 <- (-B + sqrt(B^2 - 4 * A * C)) / (2 * A)
  c(p2 * psi / (1 + p2 * (psi - 1)), p2)
}
or_score_z <- function(x1, n1, x2, n2, psi) {
  p <- or_constrained(x1, n1, x2, n2, psi)
  N <- n1 + n2
  num <- x1 - n1 * p[1]
  if (num == 0) return(0)
  v <- 1 / (n1 * p[1] * (1 - p[1])) + 1 / (n2 * p[2] * (1 - p[2]))
  num * sqrt(v) / sqrt(N / (N - 1))
}
# Inverts a decreasing score z(param): lower limit where z = +crit, upper where z = -crit.
invert <- function(zf, lo, hi, est, crit, log_scale) {
  tr <- if (log_scale) exp else identity
  f <- function(t) zf(tr(t))
  lower <- if (is.finite(est) && est > tr(lo) && f(lo) > crit) {
    tr(uniroot(function(t) f(t) - crit, c(lo, if (log_scale) log(est) else est), tol = 1e-14)$root)
  } else tr(lo)
  upper <- if (is.finite(est) && est < tr(hi) && f(hi) < -crit) {
    tr(uniroot(function(t) f(t) + crit, c(if (log_scale) log(est) else est, hi), tol = 1e-14)$root)
  } else tr(hi)
  c(lower, upper)
}
mn_rd <- function(x1, n1, x2, n2, level) {
  crit <- qnorm(1 - (1 - level) / 2)
  est <- x1 / n1 - x2 / n2
  eps <- 1e-12
  invert(function(d) rd_score_z(x1, n1, x2, n2, d), -1 + eps, 1 - eps, est, crit, FALSE) -> ci
  # At delta = +/-1 the statistic is only defined in the limit: the limits are the bounds.
  ci[ci <= -1 + 2 * eps] <- -1; ci[ci >= 1 - 2 * eps] <- 1
  ci
}
ratio_score <- function(zf, x1, x2, est, level) {
  crit <- qnorm(1 - (1 - level) / 2)
  lo <- log(1e-12); hi <- log(1e12)
  if (x1 == 0) est <- 1e-12
  if (x2 == 0) est <- 1e12
  ci <- invert(zf, lo, hi, est, crit, TRUE)
  if (x1 == 0) ci[1] <- 0
  if (x2 == 0) ci[2] <- Inf
  ci
}
mn_rr <- function(x1, n1, x2, n2, level, mn = TRUE) {
  ratio_score(function(t) rr_score_z(x1, n1, x2, n2, t, mn), x1, x2, (x1 / n1) / (x2 / n2), level)
}
mn_or <- function(x1, n1, x2, n2, level) {
  est <- (x1 * (n2 - x2)) / ((n1 - x1) * x2)
  zx1 <- if (x1 == 0 || x2 == n2) 0 else 1
  zx2 <- if (x2 == 0 || x1 == n1) 0 else 1
  crit <- qnorm(1 - (1 - level) / 2)
  zf <- function(t) or_score_z(x1, n1, x2, n2, t)
  e <- if (zx1 == 0) 1e-12 else if (zx2 == 0) 1e12 else est
  ci <- invert(zf, log(1e-12), log(1e12), e, crit, TRUE)
  if (zx1 == 0) ci[1] <- 0
  if (zx2 == 0) ci[2] <- Inf
  ci
}
# Nam (1995) non-iterative Koopman limits for interior tables (the cubic used by
# PropCIs::riskscoreci), as an independent cross-check of the uniroot port.
nam_riskscoreci <- function(x1, n1, x2, n2, level) {
  z <- abs(qnorm((1 - level) / 2))
  a1 <- n2 * (n2 * (n2 + n1) * x1 + n1 * (n2 + x1) * z^2)
  a2 <- -n2 * (n2 * n1 * (x2 + x1) + 2 * (n2 + n1) * x2 * x1 + n1 * (n2 + x2 + 2 * x1) * z^2)
  a3 <- 2 * n2 * n1 * x2 * (x2 + x1) + (n2 + n1) * x2^2 * x1 + n2 * n1 * (x2 + x1) * z^2
  a4 <- -n1 * x2^2 * (x2 + x1)
  b1 <- a2 / a1; b2 <- a3 / a1; b3 <- a4 / a1
  c1 <- b2 - b1^2 / 3; c2 <- b3 - b1 * b2 / 3 + 2 * b1^3 / 27
  ceta <- acos(sqrt(27) * c2 / (2 * c1 * sqrt(-c1)))
  t <- c(-2 * sqrt(-c1 / 3) * cos(pi / 3 - ceta / 3), -2 * sqrt(-c1 / 3) * cos(pi / 3 + ceta / 3),
         2 * sqrt(-c1 / 3) * cos(ceta / 3)) - b1 / 3
  p0up <- min(t); p0low <- sum(t) - p0up - max(t)
  f <- function(p0) (1 - (n1 - x1) * (1 - p0) / (x2 + n1 - (n2 + n1) * p0)) / p0
  c(f(p0low), f(p0up))
}

# ---------- closed forms ----------
wilson <- function(x, n, level) as.numeric(prop.test(x, n, conf.level = level, correct = FALSE)$conf.int)
newcombe <- function(x1, n1, x2, n2, level) {
  p1 <- x1 / n1; p2 <- x2 / n2; w1 <- wilson(x1, n1, level); w2 <- wilson(x2, n2, level)
  d <- p1 - p2
  c(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}

# Two-sided mid-p for Fisher's test: tables less probable than the observed one count fully,
# tables as probable (relative tolerance 1e-7, as fisher.test) count half.
midp <- function(x1, n1, x2, n2) {
  m <- x1 + x2; lo <- max(0, m - n2); hi <- min(n1, m)
  d <- dhyper(lo:hi, n1, n2, m); dobs <- dhyper(x1, n1, n2, m)
  tol <- 1 + 1e-7
  less <- d < dobs / tol; eq <- d <= dobs * tol & !less
  min(1, sum(d[less]) + 0.5 * sum(d[eq]))
}

cases <- list(
  # Newcombe (1998) Stat Med 17:873-890, Table II examples (a)-(h)
  c(56, 70, 48, 80), c(9, 10, 3, 10), c(6, 7, 2, 7), c(5, 56, 0, 29), c(0, 10, 0, 20),
  c(0, 10, 0, 10), c(10, 10, 0, 20), c(10, 10, 0, 10),
  # Koopman (1984) Biometrics 40:513 example
  c(36, 40, 16, 80),
  # ordinary, small, large, all-events, n = 1-2
  c(15, 50, 9, 50), c(7, 34, 1, 34), c(3, 3, 3, 3), c(1, 2, 0, 1), c(2, 2, 1, 2),
  c(0, 25, 4, 25), c(30, 30, 25, 30), c(120, 1000, 150, 1000), c(3, 100000, 12, 100000),
  c(45000, 100000, 45500, 100000), c(31, 63, 74, 117)
)
levels <- c(0.9, 0.95, 0.99)

out <- lapply(cases, function(cs) {
  x1 <- cs[1]; n1 <- cs[2]; x2 <- cs[3]; n2 <- cs[4]
  m <- tab(x1, n1, x2, n2)
  res <- list(x1 = x1, n1 = n1, x2 = x2, n2 = n2)
  # fisher.test: p for each alternative, conditional MLE, exact CI at several levels
  ft <- fisher.test(m)
  res$fisher <- list(
    p = ft$p.value, estimate = enc(unname(ft$estimate)),
    p_less = fisher.test(m, alternative = "less")$p.value,
    p_greater = fisher.test(m, alternative = "greater")$p.value,
    ci = lapply(levels, function(l) list(level = l, two = enc_v(fisher.test(m, conf.level = l)$conf.int),
      less = enc_v(fisher.test(m, conf.level = l, alternative = "less")$conf.int),
      greater = enc_v(fisher.test(m, conf.level = l, alternative = "greater")$conf.int)))
  )
  res$midp <- midp(x1, n1, x2, n2)
  # chisq.test needs non-zero margins
  if (all(rowSums(m) > 0) && all(colSums(m) > 0)) {
    c0 <- suppressWarnings(chisq.test(m, correct = FALSE)); c1 <- suppressWarnings(chisq.test(m, correct = TRUE))
    res$chisq <- list(statistic = unname(c0$statistic), p = c0$p.value)
    res$chisqYates <- list(statistic = unname(c1$statistic), p = c1$p.value)
  }
  res$levels <- lapply(levels, function(l) {
    z <- qnorm(1 - (1 - l) / 2)
    p1 <- x1 / n1; p2 <- x2 / n2
    r <- list(level = l,
      wilson1 = wilson(x1, n1, l), wilson2 = wilson(x2, n2, l),
      newcombe = newcombe(x1, n1, x2, n2, l),
      wald = (p1 - p2) + c(-1, 1) * z * sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2),
      ac = {
        q1 <- (x1 + 1) / (n1 + 2); q2 <- (x2 + 1) / (n2 + 2)
        (q1 - q2) + c(-1, 1) * z * sqrt(q1 * (1 - q1) / (n1 + 2) + q2 * (1 - q2) / (n2 + 2))
      },
      mnRd = mn_rd(x1, n1, x2, n2, l))
    if (!(x1 == 0 && x2 == 0)) {
      r$koopman <- enc_v(mn_rr(x1, n1, x2, n2, l, mn = FALSE))
      r$mnRr <- enc_v(mn_rr(x1, n1, x2, n2, l, mn = TRUE))
      if (x1 > 0 && x2 > 0 && x1 < n1 && x2 < n2) r$nam <- nam_riskscoreci(x1, n1, x2, n2, l)
    }
    if (!((x1 == 0 && x2 == 0) || (x1 == n1 && x2 == n2))) r$mnOr <- enc_v(mn_or(x1, n1, x2, n2, l))
    r
  })
  # metafor::escalc: log RR / log OR and variances, default add = 1/2 to = "only0"
  rr <- escalc("RR", ai = x1, n1i = n1, ci = x2, n2i = n2)
  or <- escalc("OR", ai = x1, n1i = n1, ci = x2, n2i = n2)
  rd <- escalc("RD", ai = x1, n1i = n1, ci = x2, n2i = n2)
  res$escalc <- list(logRr = enc(rr$yi[1]), vRr = enc(rr$vi[1]), logOr = enc(or$yi[1]), vOr = enc(or$vi[1]),
                     rd = rd$yi[1], vRd = rd$vi[1])
  res
})

# Continuity-corrected chisq: a table where |O - E| < 0.5, so Yates' min(0.5, |O - E|) bites.
yates_small <- tab(5, 10, 5, 11)
cy <- suppressWarnings(chisq.test(yates_small, correct = TRUE))

fixture <- list(
  generated = paste("R", getRversion(), "metafor", as.character(packageVersion("metafor"))),
  cases = out,
  yatesSmall = list(x1 = 5, n1 = 10, x2 = 5, n2 = 11, statistic = unname(cy$statistic), p = cy$p.value)
)
dir.create("test/reference/fixtures", showWarnings = FALSE, recursive = TRUE)
write_json(fixture, "test/reference/fixtures/binary.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote test/reference/fixtures/binary.json\n")
