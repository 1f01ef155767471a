# Reference for the mid-p exact and Cornfield odds-ratio intervals (src/stats/binary/
# mid-p-odds-ratio-interval.ts, cornfieldZ in score-statistics.ts). Run from the repo root:
#   Rscript --vanilla test/reference/or_intervals.R
# Writes test/reference/fixtures/or_intervals.json.
#
# Mid-p (Miettinen 1974; Rothman, Greenland & Lash 2008, ch. 14): X = arm-1 events given all
# margins, density proportional to dhyper(x, m, N - m, n1) psi^x (base R's dhyper, not the
# code under test); lower limit P[X > x] + P[X = x]/2 = alpha, upper P[X < x] + P[X = x]/2 = alpha,
# solved by uniroot on log psi.
# Cornfield (1956; Fleiss, Levin & Paik 2003, sec. 6.3): the limits are the cell counts A with
# |x - A| - 1/2 = z sqrt(V(A)), V = 1 / (1/A + 1/B + 1/C + 1/D), B = n1 - A, C = m - A,
# D = N - n1 - m + A, on each side of x, converted to psi = A D / (B C). Solved here in the
# cell count A (measured from the end of its range, so the small cells are exact), whereas
# the code under test solves in psi through the constrained MLE, a different route.
library(jsonlite)

midp_or <- function(x1, n1, x2, n2, alpha) {
  m <- x1 + x2; N <- n1 + n2
  lo <- max(0, n1 - (N - m)); hi <- min(n1, m)
  xs <- lo:hi
  logd0 <- dhyper(xs, m, N - m, n1, log = TRUE)
  tail <- function(t, upper) {
    l <- logd0 + xs * t; w <- exp(l - max(l)); w <- w / sum(w)
    half <- w[xs == x1] / 2
    if (upper) sum(w[xs > x1]) + half else sum(w[xs < x1]) + half
  }
  lower <- if (x1 == lo) 0 else
    exp(uniroot(function(t) tail(t, TRUE) - alpha, c(-1, 1), extendInt = "upX", tol = 1e-14, maxiter = 5000)$root)
  upper <- if (x1 == hi) Inf else
    exp(uniroot(function(t) tail(t, FALSE) - alpha, c(-1, 1), extendInt = "downX", tol = 1e-14, maxiter = 5000)$root)
  c(lower, upper)
}

cornfield_or <- function(x1, n1, x2, n2, z) {
  m <- x1 + x2; N <- n1 + n2
  lo <- max(0, n1 - (N - m)); hi <- min(n1, m)
  cells_lo <- function(w) c(lo + w, n1 - lo - w, m - lo - w, (N - n1 - m + lo) + w)  # A = lo + w
  cells_hi <- function(w) c(hi - w, (n1 - hi) + w, (m - hi) + w, N - n1 - m + hi - w)  # A = hi - w
  sdv <- function(k) sqrt(1 / sum(1 / k))
  psi <- function(k) k[1] * k[4] / (k[2] * k[3])
  lower <- if (x1 - 0.5 <= lo) 0 else {
    h <- function(w) { k <- cells_lo(w); x1 - k[1] - 0.5 - z * sdv(k) }
    psi(cells_lo(uniroot(h, c(0, x1 - 0.5 - lo), tol = 1e-15, maxiter = 5000)$root))
  }
  upper <- if (x1 + 0.5 >= hi) Inf else {
    h <- function(w) { k <- cells_hi(w); k[1] - x1 - 0.5 - z * sdv(k) }
    psi(cells_hi(uniroot(h, c(0, hi - x1 - 0.5), tol = 1e-15, maxiter = 5000)$root))
  }
  c(lower, upper)
}

enc <- function(v) lapply(signif(as.numeric(v), 14), function(x) if (is.infinite(x)) "Inf" else x)
row_for <- function(x1, n1, x2, n2, level) {
  a2 <- (1 - level) / 2
  c(list(x1, n1, x2, n2, level),
    enc(c(midp_or(x1, n1, x2, n2, a2), midp_or(x1, n1, x2, n2, 1 - level),
          cornfield_or(x1, n1, x2, n2, qnorm(1 - a2)), cornfield_or(x1, n1, x2, n2, qnorm(level)))))
}

rows <- list()
for (n1 in 1:8) for (n2 in 1:8) for (x1 in 0:n1) for (x2 in 0:n2) for (l in c(0.9, 0.95, 0.99)) {
  if ((x1 == 0 && x2 == 0) || (x1 == n1 && x2 == n2)) next
  rows[[length(rows) + 1]] <- row_for(x1, n1, x2, n2, l)
}
for (tb in list(c(7, 12, 1, 10), c(15, 50, 9, 50), c(120, 1000, 80, 1000), c(3, 5000, 0, 5000),
                c(40, 60, 2, 45), c(1, 30, 12, 25)))
  for (l in c(0.9, 0.95, 0.99)) rows[[length(rows) + 1]] <- row_for(tb[1], tb[2], tb[3], tb[4], l)

write_json(list(generated = paste("R", getRversion()),
                columns = c("x1", "n1", "x2", "n2", "level", "midpLower", "midpUpper", "midpOneSidedLower",
                            "midpOneSidedUpper", "cornfieldLower", "cornfieldUpper",
                            "cornfieldOneSidedLower", "cornfieldOneSidedUpper"),
                rows = rows),
           "test/reference/fixtures/or_intervals.json", digits = NA, auto_unbox = TRUE)
cat("wrote test/reference/fixtures/or_intervals.json\n")
