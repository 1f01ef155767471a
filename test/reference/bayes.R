# Reference values for Bayesian decision rules (src/stats/bayes/*.ts).
# Run from the repo root: Rscript --vanilla test/reference/bayes.R
# Writes test/reference/fixtures/bayes.json. Needs jsonlite only.
#
# Independent of the closed forms under test:
# - predictive probabilities with the beta-binomial weights obtained by integrate() of
#   dbinom(y, m, p) * dbeta(p, a, b) over p (not the B(.,.) ratio the code uses), pbeta for the tail;
# - operating characteristics of a stopping table by brute force over all 2^Nmax response
#   sequences (small Nmax), not the patient-by-patient recursion under test;
# - two-arm P(p1 > p2 + delta) by integrate() of dbeta(p2) * pbeta(p2 + delta, lower = FALSE);
# - normal-normal posterior moments and tail probabilities by integrate() of prior x likelihood.
suppressPackageStartupMessages(library(jsonlite))
num <- function(x) I(as.numeric(x))
# On the probability scale u = F(p), so a shape below 1 (a singular density) gives a bounded integrand.
bb_weight <- function(y, m, a, b) {
  # On the probability scale u = F(p) a shape below 1 (a singular density) gives a bounded
  # integrand; where that fails (a weight far in a tail), on the p scale, where dbinom tames it.
  tryCatch(integrate(function(u) dbinom(y, m, qbeta(u, a, b)), 0, 1, rel.tol = 1e-11, abs.tol = 1e-17, subdivisions = 2000L)$value,
    error = function(e) integrate(function(p) dbinom(y, m, p) * dbeta(p, a, b), 0, 1, rel.tol = 1e-11, abs.tol = 1e-17, subdivisions = 2000L)$value)
}
pp_ref <- function(x, n, nmax, p0, a, b, thetaT) {
  m <- nmax - n
  sum(sapply(0:m, function(y) if (pbeta(p0, a + x + y, b + nmax - x - y, lower.tail = FALSE) > thetaT) bb_weight(y, m, a + x, b + n - x) else 0))
}
pp <- list()
for (args in list(c(16, 23, 40, 0.6, 0.6, 0.4, 0.9), c(16, 23, 40, 0.5, 1, 1, 0.9), c(5, 12, 30, 0.2, 0.5, 0.5, 0.95),
                  c(0, 5, 25, 0.3, 1, 1, 0.9), c(20, 30, 50, 0.5, 2, 3, 0.85), c(3, 10, 10, 0.2, 1, 1, 0.9))) {
  pp[[length(pp) + 1]] <- list(x = args[1], n = args[2], nMax = args[3], p0 = args[4], a = args[5], b = args[6], thetaT = args[7],
    pp = pp_ref(args[1], args[2], args[3], args[4], args[5], args[6], args[7]))
}
# Stopping table and brute-force OCs for a small design.
design_ref <- function(nmax, p0, a, b, thetaT, thetaL, firstLook) {
  fut <- sapply(firstLook:(nmax - 1), function(n) { r <- -1; for (x in 0:n) if (pp_ref(x, n, nmax, p0, a, b, thetaT) < thetaL) r <- x; r })
  final <- which(sapply(0:nmax, function(x) pbeta(p0, a + x, b + nmax - x, lower.tail = FALSE) > thetaT))[1] - 1
  list(fut = fut, final = final)
}
oc_brute <- function(d, nmax, firstLook, p) {
  succ <- 0; stopf <- 0; en <- 0
  for (code in 0:(2^nmax - 1)) {
    seqv <- as.integer(intToBits(code))[1:nmax]; k <- sum(seqv); pr <- p^k * (1 - p)^(nmax - k)
    x <- cumsum(seqv); stopped <- FALSE
    for (n in firstLook:(nmax - 1)) if (x[n] <= d$fut[n - firstLook + 1]) { stopf <- stopf + pr; en <- en + n * pr; stopped <- TRUE; break }
    if (!stopped) { en <- en + nmax * pr; if (x[nmax] >= d$final) succ <- succ + pr }
  }
  list(p = p, pSuccess = succ, pStopFutility = stopf, expectedN = en)
}
d <- design_ref(14, 0.3, 1, 1, 0.9, 0.05, 4)
design <- list(nMax = 14, p0 = 0.3, a = 1, b = 1, thetaT = 0.9, thetaL = 0.05, firstLook = 4, futility = num(d$fut), finalSuccess = d$final,
  oc = list(oc_brute(d, 14, 4, 0.3), oc_brute(d, 14, 4, 0.5), oc_brute(d, 14, 4, 0.6)))
# Lee & Liu's example setting (Nmax 40, p0 0.6, beta(0.6, 0.4), thetaT 0.9, thetaL 0.001): the table only.
dl <- design_ref(40, 0.6, 0.6, 0.4, 0.9, 0.001, 10)
leeLiu <- list(nMax = 40, p0 = 0.6, a = 0.6, b = 0.4, thetaT = 0.9, thetaL = 0.001, firstLook = 10, futility = num(dl$fut), finalSuccess = dl$final)

two <- list()
for (args in list(c(12, 20, 6, 20, 0, 1, 1), c(12, 20, 6, 20, 0.1, 1, 1), c(0, 10, 3, 10, 0, 0.5, 0.5), c(45, 100, 30, 100, 0.05, 1, 1),
                  c(3, 5, 4, 5, -0.2, 2, 2))) {
  a1 <- args[6] + args[1]; b1 <- args[7] + args[2] - args[1]; a2 <- args[6] + args[3]; b2 <- args[7] + args[4] - args[3]; dl2 <- args[5]
  lo <- max(0, -dl2); hi <- min(1, 1 - dl2)
  pr <- integrate(function(q) dbeta(q, a2, b2) * pbeta(q + dl2, a1, b1, lower.tail = FALSE), lo, hi, rel.tol = 1e-12, abs.tol = 0)$value
  if (dl2 < 0) pr <- pr + pbeta(lo, a2, b2)  # p2 below -delta: p1 > p2 + delta surely
  two[[length(two) + 1]] <- list(x1 = args[1], n1 = args[2], x2 = args[3], n2 = args[4], delta = dl2, a = args[6], b = args[7], probability = pr)
}

nn <- list()
for (args in list(list(34.4, 16.1, 0, 20 / qnorm(0.95), c(0, 20)), list(34.4, 16.1, 20, 20 / qnorm(0.95), c(0, 20)), list(-0.3, 0.12, 0, 0.2, c(0, -0.1)))) {
  y <- args[[1]]; s <- args[[2]]; m0 <- args[[3]]; s0 <- args[[4]]
  f <- function(t) dnorm(t, m0, s0) * dnorm(y, t, s)
  ig <- function(g, lo = -Inf, hi = Inf) integrate(g, lo, hi, rel.tol = 1e-12, abs.tol = 0)$value
  den <- ig(f); m <- ig(function(t) t * f(t)) / den; v <- ig(function(t) (t - m)^2 * f(t)) / den
  nn[[length(nn) + 1]] <- list(estimate = y, se = s, priorMean = m0, priorSd = s0, thresholds = num(args[[5]]), mean = m, sd = sqrt(v),
    above = num(sapply(args[[5]], function(t) ig(f, t, Inf) / den)))
}
writeLines(toJSON(list(pp = pp, design = design, leeLiu = leeLiu, twoArm = two, normal = nn), auto_unbox = TRUE, digits = NA, pretty = FALSE), "test/reference/fixtures/bayes.json")
cat("wrote test/reference/fixtures/bayes.json\n")
