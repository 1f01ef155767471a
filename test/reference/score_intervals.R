# Independent reference for the Miettinen-Nurminen / Koopman score intervals
# (src/stats/binary/score-statistics.ts). Run from the repo root:
#   Rscript --vanilla test/reference/score_intervals.R
# Writes test/reference/fixtures/score_intervals.json.
#
# Independence: the code under test finds the constrained MLE (the nuisance proportion at its
# maximum-likelihood value given the tested OR / RR / RD) from closed forms (a quadratic for
# OR and RR, the Farrington-Manning cubic for RD). This script never uses those formulas: it
# solves the likelihood equation of the constrained model numerically with uniroot, in a
# parametrisation where every p and 1 - p is computed without cancellation (logits for the
# OR, log p for the RR, both tails explicitly for the RD), and checks that the solution is a
# maximum of the constrained log-likelihood. The limits are then found with uniroot on the
# score statistic, bracketed by stepping outward from the estimate and checking the sign
# change, so a limit can never be a search bound.
#
# Statistics (Miettinen & Nurminen 1985, Stat Med 4:213-226; Koopman 1984, Biometrics
# 40:513-517), with p~ the constrained MLE, N = n1 + n2 and k = N / (N - 1):
#   RD: z = (p1^ - p2^ - d) / sqrt(k (p1~ q1~ / n1 + p2~ q2~ / n2))
#   RR: z = (p1^ - t p2^) / sqrt(k (p1~ q1~ / n1 + t^2 p2~ q2~ / n2))   (Koopman: k = 1)
#   OR: z = (x1 - n1 p1~) sqrt((1 / (n1 p1~ q1~) + 1 / (n2 p2~ q2~)) / k)
# Tables: every 2x2 table with n1, n2 <= 8 at levels 0.8, 0.95, 0.999, the other tables with
# n1, n2 <= 12 at 0.95, and large-n tables
# (n up to 1e6, zero cells, the examples of issue 17).
library(jsonlite)

TOL <- 1e-15

# ---------- constrained MLEs, numerically ----------
# Odds ratio psi = exp(beta): logit p2 = a, logit p1 = a + beta; the likelihood equation of
# a is n1 p1 + n2 p2 = x1 + x2 (written from the smaller side so it has no cancellation).
or_mle <- function(x1, n1, x2, n2, beta) {
  m <- x1 + x2; N <- n1 + n2
  g <- if (m <= N / 2) function(a) n1 * plogis(a + beta) + n2 * plogis(a) - m
       else function(a) (N - m) - n1 * plogis(-(a + beta)) - n2 * plogis(-a)
  lo <- -1; hi <- 1
  while (g(lo) > 0) lo <- lo * 2 - 1
  while (g(hi) < 0) hi <- hi * 2 + 1
  a <- uniroot(g, c(lo, hi), tol = TOL, maxiter = 5000)$root
  list(p1 = plogis(a + beta), q1 = plogis(-(a + beta)), p2 = plogis(a), q2 = plogis(-a))
}

# Risk ratio t: p1 = t p2. The arm whose p reaches 1 first (arm 1 if t > 1) has log p = -w,
# w > 0, and the other log p = -w -/+ log t; the derivative of the log-likelihood in w,
#   -(x1 + x2) + (n1 - x1) p1 / q1 + (n2 - x2) p2 / q2,
# decreases in w. uniroot runs on log w, so p and q = -expm1(log p) keep full precision.
rr_mle <- function(x1, n1, x2, n2, logt) {
  m <- x1 + x2
  pq <- function(w) {
    l1 <- if (logt > 0) -w else -w + logt
    l2 <- if (logt > 0) -w - logt else -w
    list(p1 = exp(l1), q1 = -expm1(l1), p2 = exp(l2), q2 = -expm1(l2))
  }
  s <- function(w) {
    p <- pq(w); v <- -m
    if (n1 > x1) v <- v + (n1 - x1) * p$p1 / p$q1
    if (n2 > x2) v <- v + (n2 - x2) * p$p2 / p$q2
    v
  }
  # s decreases in w from s(0) (+Inf unless the bounding arm has no non-events) to -m:
  # when s(0) <= 0 the maximum is on the boundary w = 0.
  s0 <- s(0)
  if (is.finite(s0) && s0 <= 0) return(pq(0))
  pq(exp(uniroot(function(v) s(exp(v)), c(-690, 6.5), tol = 1e-15, maxiter = 5000)$root))
}

# Risk difference d: p1 = p2 + d. Swapping the arms maps d to -d, so take d >= 0; then
# p2 in (0, 1 - d). The score in p2, x1/p1 - (n1-x1)/q1 + x2/p2 - (n2-x2)/q2 (zero-count
# terms dropped), decreases. Its root is solved for y = p2 if it lies in the lower half of
# the range and for y = q1 otherwise, so the small one of each pair is never a difference.
rd_mle <- function(x1, n1, x2, n2, d) {
  if (d < 0) {
    p <- rd_mle(x2, n2, x1, n1, -d)
    return(list(p1 = p$p2, q1 = p$q2, p2 = p$p1, q2 = p$q1))
  }
  w <- 1 - d  # exact for d in [0, 1]
  s_of <- function(p) {
    v <- 0
    if (x1 > 0) v <- v + x1 / p$p1
    if (n1 > x1) v <- v - (n1 - x1) / p$q1
    if (x2 > 0) v <- v + x2 / p$p2
    if (n2 > x2) v <- v - (n2 - x2) / p$q2
    v
  }
  lower_pq <- function(y) list(p1 = y + d, q1 = w - y, p2 = y, q2 = 1 - y)   # y = p2
  upper_pq <- function(y) list(p1 = 1 - y, q1 = y, p2 = w - y, q2 = y + d)   # y = q1
  mid <- w / 2
  if (s_of(lower_pq(mid)) > 0) {
    f <- function(y) s_of(upper_pq(y)); pq <- upper_pq
  } else {
    f <- function(y) -s_of(lower_pq(y)); pq <- lower_pq
  }
  # f increases from f(0) (-Inf, or finite when the boundary terms vanish) to f(mid) >= 0
  f0 <- f(0)
  if (!is.nan(f0) && f0 >= 0) return(pq(0))
  if (f(1e-300) >= 0) return(pq(0))
  if (f(mid) <= 0) return(pq(mid))  # only by rounding, when d is within a few ulps of 1
  pq(uniroot(f, c(1e-300, mid), tol = 1e-300, maxiter = 5000)$root)
}

# ---------- score statistics ----------
or_z <- function(x1, n1, x2, n2, beta) {
  p <- or_mle(x1, n1, x2, n2, beta); N <- n1 + n2
  num <- if (p$p1 <= 0.5) x1 - n1 * p$p1 else n1 * p$q1 - (n1 - x1)
  num * sqrt((1 / (n1 * p$p1 * p$q1) + 1 / (n2 * p$p2 * p$q2)) * (N - 1) / N)
}
rr_z <- function(x1, n1, x2, n2, logt, mn) {
  p <- rr_mle(x1, n1, x2, n2, logt); N <- n1 + n2; t <- exp(logt)
  v <- p$p1 * p$q1 / n1 + t^2 * p$p2 * p$q2 / n2
  if (mn) v <- v * N / (N - 1)
  num <- x1 / n1 - t * x2 / n2
  if (num == 0) 0 else num / sqrt(v)
}
rd_z <- function(x1, n1, x2, n2, d) {
  p <- rd_mle(x1, n1, x2, n2, d); N <- n1 + n2
  v <- (p$p1 * p$q1 / n1 + p$p2 * p$q2 / n2) * N / (N - 1)
  num <- x1 / n1 - x2 / n2 - d
  if (num == 0) 0 else num / sqrt(v)
}

# ---------- inversion ----------
# f decreasing in t; find t with f(t) = target on the side `dir` (+1 upward, -1 downward) of
# t0, where f(t0) is on the inner side of target. Steps double outward until the sign changes.
crossing <- function(f, t0, target, dir, tmax) {
  g <- function(t) f(t) - target
  g0 <- g(t0)
  stopifnot(g0 != 0)
  h <- 1e-3; a <- t0
  repeat {
    b <- t0 + dir * h
    if (abs(b) > tmax) b <- dir * tmax
    gb <- g(b)
    if (gb * g0 <= 0) break
    if (abs(b) >= tmax) return(NA)
    a <- b; h <- h * 2
  }
  uniroot(g, sort(c(a, b)), tol = 1e-15, maxiter = 5000)$root
}

ratio_ci <- function(z, est_log, zero, infinite, crit) {
  # z(t) on t = log ratio; zero / infinite: the estimate is 0 / Inf
  tmax <- 700
  if (zero && infinite) stop("degenerate")
  if (!zero && !infinite) {
    return(exp(c(crossing(z, est_log, crit, -1, tmax), crossing(z, est_log, -crit, 1, tmax))))
  }
  if (zero) {
    # z < 0 everywhere and tends to 0 as t -> -Inf: start where z > -crit
    t0 <- 0; while (z(t0) <= -crit) t0 <- t0 - 8
    return(c(0, exp(crossing(z, t0, -crit, 1, tmax))))
  }
  t0 <- 0; while (z(t0) >= crit) t0 <- t0 + 8
  c(exp(crossing(z, t0, crit, -1, tmax)), Inf)
}

mn_or <- function(x1, n1, x2, n2, level) {
  crit <- qnorm(1 - (1 - level) / 2)
  zero <- x1 == 0 || x2 == n2; infinite <- x2 == 0 || x1 == n1
  est <- if (zero || infinite) NA else log(x1) + log(n2 - x2) - log(n1 - x1) - log(x2)
  ratio_ci(function(t) or_z(x1, n1, x2, n2, t), est, zero, infinite, crit)
}
score_rr <- function(x1, n1, x2, n2, level, mn) {
  crit <- qnorm(1 - (1 - level) / 2)
  est <- if (x1 == 0 || x2 == 0) NA else log(x1 / n1) - log(x2 / n2)
  ratio_ci(function(t) rr_z(x1, n1, x2, n2, t, mn), est, x1 == 0, x2 == 0, crit)
}
mn_rd <- function(x1, n1, x2, n2, level) {
  crit <- qnorm(1 - (1 - level) / 2)
  est <- x1 / n1 - x2 / n2
  # on u = atanh(d) the domain is the real line; d = +-1 is a limit only when est = +-1
  z <- function(u) rd_z(x1, n1, x2, n2, tanh(u))
  u0 <- max(-18, min(18, atanh(est)))
  lower <- if (est <= -1) -1 else tanh(crossing(z, u0, crit, -1, 18))
  upper <- if (est >= 1) 1 else tanh(crossing(z, u0, -crit, 1, 18))
  lower[is.na(lower)] <- -1; upper[is.na(upper)] <- 1
  c(lower, upper)
}

# ---------- tables ----------
sig <- function(v) signif(v, 14)
enc <- function(v) lapply(sig(as.numeric(v)), function(x) if (is.infinite(x)) (if (x > 0) "Inf" else "-Inf") else x)

row_for <- function(x1, n1, x2, n2, level) {
  r <- list(x1, n1, x2, n2, level)
  none <- x1 == 0 && x2 == 0; all <- x1 == n1 && x2 == n2
  or <- if (none || all) c(NA, NA) else mn_or(x1, n1, x2, n2, level)
  rk <- if (none) c(NA, NA) else score_rr(x1, n1, x2, n2, level, FALSE)
  rm <- if (none) c(NA, NA) else score_rr(x1, n1, x2, n2, level, TRUE)
  rd <- mn_rd(x1, n1, x2, n2, level)
  c(r, enc(c(or, rk, rm, rd)))
}

levels <- c(0.8, 0.95, 0.999)
small <- list()
for (n1 in 1:8) for (n2 in 1:8) for (x1 in 0:n1) for (x2 in 0:n2) for (l in levels) {
  small[[length(small) + 1]] <- row_for(x1, n1, x2, n2, l)
}

# n1, n2 <= 12 (the rest of the issue's range) at the 95% level only, to keep the fixture small
medium <- list()
for (n1 in 1:12) for (n2 in 1:12) if (max(n1, n2) > 8) for (x1 in 0:n1) for (x2 in 0:n2) {
  medium[[length(medium) + 1]] <- row_for(x1, n1, x2, n2, 0.95)
}

large_tables <- list(
  c(1, 1e5, 1, 1e5), c(0, 1e6, 1, 1e6), c(1, 1e6, 0, 1e6), c(0, 1e5, 3, 1e5),
  c(3, 1e5, 0, 1e5), c(1e5, 1e5, 99990, 1e5), c(0, 1e6, 0, 1e6),
  c(50000, 1e5, 49000, 1e5), c(12, 1e5, 25, 1e5), c(999999, 1e6, 999990, 1e6),
  c(5, 1e6, 1e6, 1e6), c(1e6, 1e6, 5, 1e6), c(2, 3e5, 1, 2e5), c(150000, 3e5, 1, 2e5),
  c(7, 1e6, 3, 2e5), c(499, 1e5, 501, 1e5)
)
large <- list()
for (tb in large_tables) for (l in c(0.9, 0.95, 0.999)) {
  large[[length(large) + 1]] <- row_for(tb[1], tb[2], tb[3], tb[4], l)
}
# the issue's examples: (table, level)
examples <- list(
  row_for(3, 8, 0, 8, 0.999), row_for(1, 4, 1, 1, 0.8), row_for(1, 1e5, 1, 1e5, 0.95),
  row_for(0, 1e6, 1, 1e6, 0.95)
)

# Monotonicity audit: z on a grid must cross each critical value at most once, so the first
# crossing from the estimate found above is the limit (listed here if not; expected empty).
non_monotone <- list()
crit95 <- qnorm(0.975)
crossings <- function(v) sum(diff(sign(v - crit95)) != 0) + sum(diff(sign(v + crit95)) != 0)
grid <- seq(-12, 12, by = 0.25)
for (n1 in 1:8) for (n2 in 1:8) for (x1 in 0:n1) for (x2 in 0:n2) {
  if (x1 + x2 == 0 || (x1 == n1 && x2 == n2)) next
  zs <- list(
    or = sapply(grid, function(t) or_z(x1, n1, x2, n2, t)),
    koopman = sapply(grid, function(t) rr_z(x1, n1, x2, n2, t, FALSE)),
    rd = sapply(grid * 0.75, function(u) rd_z(x1, n1, x2, n2, tanh(u))))
  for (k in names(zs)) if (crossings(zs[[k]]) > 2 || any(diff(zs[[k]]) > 1e-12))
    non_monotone[[length(non_monotone) + 1]] <- list(k, x1, n1, x2, n2)
}
cat("non-monotone score statistics:", length(non_monotone), "\n")

fixture <- list(
  generated = paste("R", getRversion()),
  columns = c("x1", "n1", "x2", "n2", "level", "orLower", "orUpper", "koopmanLower", "koopmanUpper",
              "mnRrLower", "mnRrUpper", "mnRdLower", "mnRdUpper"),
  small = small, medium = medium, large = large, examples = examples,
  nonMonotone = non_monotone
)
dir.create("test/reference/fixtures", showWarnings = FALSE, recursive = TRUE)
write_json(fixture, "test/reference/fixtures/score_intervals.json", digits = NA, auto_unbox = TRUE, na = "null")
cat("wrote test/reference/fixtures/score_intervals.json\n")
