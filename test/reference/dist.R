# Reference values for src/stats/dist/* from R's nmath (stats::p*/q*/d*).
# Run from the repo root: Rscript --vanilla test/reference/dist.R
# Writes test/reference/fixtures/dist.json. Finite numbers are written verbatim with 17
# significant digits (jsonlite's own digits = NA stops at 15, which does not round-trip a double);
# non-finite ones as the strings "Inf", "-Inf", "NaN" (decoded by test/stats/dist/fixture.ts).
library(jsonlite)

num <- function(z) if (is.finite(z)) structure(sprintf("%.17g", z), class = "json") else as.character(z)
enc <- function(v) lapply(v, num)
out <- list(R = R.version.string)

# ---- normal ---------------------------------------------------------------------------------
x <- sort(unique(c(-40, -38.4, -37.5, -37, -30, -20, -10, -8.3, -5, -3, -2.0001, -2, -1.96, -1.5,
                   -1.2500001, -1.25, -1, -0.5, -0.1, -1e-5, 0, 1e-8, 0.3, 0.7, 1, 1.24, 1.26, 1.645,
                   1.96, 2, 2.5, 3, 4, 6, 8, 8.5, 10, 15, 25, 35, 37, 38, 38.4, 40, 1e3, 1e10,
                   seq(-6, 6, by = 0.37))))
out$normal <- list(
  x = enc(x),
  cdf = enc(pnorm(x)), sf = enc(pnorm(x, lower.tail = FALSE)),
  logcdf = enc(pnorm(x, log.p = TRUE)), logsf = enc(pnorm(x, lower.tail = FALSE, log.p = TRUE)),
  shifted = list(x = 3.2, mean = 1.5, sd = 2.5, cdf = num(pnorm(3.2, 1.5, 2.5)),
                 sf = num(pnorm(3.2, 1.5, 2.5, lower.tail = FALSE)))
)
p <- sort(unique(c(5e-324, 1e-310, 1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025,
                   0.05, 0.1, 0.2, 0.3, 0.4, 0.45, 0.4999, 0.5, 0.5001, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99,
                   0.999, 1 - 1e-6, 1 - 1e-10, 1 - 2^-52, 1 - 2^-53)))
out$normalQuantile <- list(p = enc(p), q = enc(qnorm(p)), shifted = list(p = 0.9, mean = -2, sd = 0.5, q = num(qnorm(0.9, -2, 0.5))))


# Cases are flat parallel arrays: argument vectors, then lower tail ("cdf") and upper tail ("sf").
grid <- function(...) expand.grid(..., KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)
cols <- function(d) lapply(as.list(d), enc)
# How far R's quantile q = q*(p) is from the exact root of R's own cdf, as a relative error in q:
# |p*(q) − p| / (|q| · density(q)), in the tail that was inverted. Where it exceeds 1e-13, R's
# quantile is not a reference (the test then checks that ours solves our R-verified cdf);
# e.g. qt(1e-300, 3), qf(1e-10, 1, 1) = 0, and qf(0.5, 2.5, 1e5) (off by 1.2e-12).
roundTrip <- function(p, q, lower, upper, density) {
  err <- ifelse(p <= 0.5, abs(lower - p), abs(upper - (1 - p))) / (abs(q) * density)
  err[q == 0 & p > 0 & p < 1] <- Inf
  enc(ifelse(is.finite(err) | is.infinite(err), err, 0))
}

# ---- log gamma / log beta ---------------------------------------------------------------------
lg <- c(1e-300, 1e-20, 1e-8, 0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999, 1, 1.000001, 1.2,
        1.5, 1.9, 1.99999, 2, 2.00001, 2.3, 2.5, 3, 3.7, 4.5, 5.5, 7, 9.99, 10, 10.5, 12, 20, 30, 55.5,
        100, 171.5, 1000, 12345.678, 1e5, 1e6, 1e10, 1e15, 1e100, 1e300, -0.5, -1.5, -2.9, -10.3, -0.001)
out$logGamma <- list(x = enc(lg), value = enc(lgamma(lg)))
lb <- grid(a = c(1e-3, 0.01, 0.5, 1, 2.5, 9.9, 10, 30, 1e3, 1e7), b = c(0.01, 0.5, 1, 3.3, 10.2, 150, 1e5, 1e10))
out$logBeta <- c(cols(lb), list(value = enc(lbeta(lb$a, lb$b))))

# ---- Student t ------------------------------------------------------------------------------
tdf <- c(0.1, 0.5, 1, 1.5, 2, 2.7, 3, 4.37, 5, 10, 17.9, 30, 100, 1000, 1e4, 1e5, 3.9e5)
tx <- c(-1e20, -1e5, -200, -40, -10, -5, -3, -2, -1, -0.5, -1e-3, 0, 1e-8, 0.1, 0.7, 1.5, 2.5, 4, 7, 12, 40,
        100, 1e3, 1e5, 1e10, 1e100)
d <- grid(x = tx, df = tdf)
out$t <- c(cols(d), list(cdf = enc(pt(d$x, d$df)), sf = enc(pt(d$x, d$df, lower.tail = FALSE))))
tp <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.4999, 0.5, 0.6, 0.9, 0.975, 0.999, 1 - 1e-10)
d <- grid(p = tp, df = c(0.5, 1, 2, 2.7, 3, 4.37, 10, 30, 100, 1e4, 3.9e5))
q <- qt(d$p, d$df)
out$tQuantile <- c(cols(d), list(q = enc(q), rt = roundTrip(d$p, q, pt(q, d$df), pt(q, d$df, lower.tail = FALSE), dt(q, d$df))))

# ---- chi-square -----------------------------------------------------------------------------
cdf <- c(0.05, 0.5, 1, 2, 3.5, 7.3, 10, 100, 1000, 1e5, 1e7)
d <- do.call(rbind, lapply(cdf, function(df) data.frame(
  x = c(1e-20, 1e-5, 0.01, 0.5, 1, 2, 5, 10, 50, 100, 500, 1400, df * c(0.5, 0.9, 0.99, 1, 1.01, 1.1, 2)),
  df = df)))
out$chiSquare <- c(cols(d), list(cdf = enc(pchisq(d$x, d$df)), sf = enc(pchisq(d$x, d$df, lower.tail = FALSE))))
d <- grid(p = tp, df = c(0.05, 0.5, 1, 2, 3.5, 10, 100, 1e4, 1e7))
q <- qchisq(d$p, d$df)
out$chiSquareQuantile <- c(cols(d), list(q = enc(q), rt = roundTrip(d$p, q, pchisq(q, d$df), pchisq(q, d$df, lower.tail = FALSE), dchisq(q, d$df))))

# ---- F ----------------------------------------------------------------------------------------
fdf <- grid(df1 = c(0.3, 1, 2.5, 5, 30, 1e3, 1e7), df2 = c(0.5, 1, 4, 12.7, 100, 1e4, 1e7))
d <- do.call(rbind, lapply(seq_len(nrow(fdf)), function(i) data.frame(
  x = c(1e-12, 1e-3, 0.1, 0.5, 0.9, 1, 1.1, 2, 3.1, 10, 100, 1e4, 1e10), df1 = fdf$df1[i], df2 = fdf$df2[i])))
out$f <- c(cols(d), list(cdf = enc(pf(d$x, d$df1, d$df2)), sf = enc(pf(d$x, d$df1, d$df2, lower.tail = FALSE))))
d <- grid(p = c(1e-100, 1e-10, 0.001, 0.05, 0.5, 0.9, 0.95, 0.999, 1 - 1e-10), df1 = c(1, 2.5, 12, 1e4), df2 = c(1, 3.3, 40, 1e5))
q <- qf(d$p, d$df1, d$df2)
out$fQuantile <- c(cols(d), list(q = enc(q), rt = roundTrip(d$p, q, pf(q, d$df1, d$df2), pf(q, d$df1, d$df2, lower.tail = FALSE), df(q, d$df1, d$df2))))

# ---- beta -------------------------------------------------------------------------------------
bab <- grid(a = c(0.01, 0.1, 0.5, 1, 2, 10.5, 100, 1e3, 1e5), b = c(0.01, 0.5, 1, 3, 40, 1e4, 1e5))
d <- do.call(rbind, lapply(seq_len(nrow(bab)), function(i) {
  a <- bab$a[i]; b <- bab$b[i]; m <- a / (a + b)
  data.frame(x = c(1e-300, 1e-100, 1e-10, 1e-3, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 1 - 1e-10,
                   m, m * 0.9, m * 1.1, min(1 - 1e-12, m + 3 * sqrt(a * b / (a + b)^2 / (a + b + 1)))),
             a = a, b = b)
}))
out$beta <- c(cols(d), list(cdf = enc(pbeta(d$x, d$a, d$b)), sf = enc(pbeta(d$x, d$a, d$b, lower.tail = FALSE))))
d <- grid(p = tp, a = c(0.05, 0.5, 2, 10, 1e3), b = c(0.1, 1, 5, 300, 1e5))
q <- qbeta(d$p, d$a, d$b)
out$betaQuantile <- c(cols(d), list(q = enc(q), rt = roundTrip(d$p, q, pbeta(q, d$a, d$b), pbeta(q, d$a, d$b, lower.tail = FALSE), dbeta(q, d$a, d$b))))

# ---- gamma ------------------------------------------------------------------------------------
gs <- c(0.01, 0.1, 0.5, 1, 2.5, 10, 100, 1e3, 1e5)
d <- do.call(rbind, lapply(gs, function(a) data.frame(
  x = c(1e-10, 0.01, 1, 10, 100, 700, 1000, a * c(1e-3, 0.5, 0.9, 1, 1.1, 2, 5)), shape = a)))
out$gamma <- c(cols(d), list(cdf = enc(pgamma(d$x, d$shape)), sf = enc(pgamma(d$x, d$shape, lower.tail = FALSE)),
                             scaled = list(x = 7, shape = 3, scale = 2.5, cdf = num(pgamma(7, 3, scale = 2.5)),
                                           sf = num(pgamma(7, 3, scale = 2.5, lower.tail = FALSE)),
                                           q = num(qgamma(0.3, 3, scale = 2.5)))))
d <- grid(p = tp, shape = c(0.01, 0.1, 0.5, 1, 2.5, 10, 100, 1e5))
q <- qgamma(d$p, d$shape)
out$gammaQuantile <- c(cols(d), list(q = enc(q), rt = roundTrip(d$p, q, pgamma(q, d$shape), pgamma(q, d$shape, lower.tail = FALSE), dgamma(q, d$shape))))

# ---- binomial ---------------------------------------------------------------------------------
d <- do.call(rbind, lapply(c(0, 1, 2, 5, 10, 30, 100, 1000, 1e5, 1e6), function(n)
  do.call(rbind, lapply(c(0, 1e-10, 0.001, 0.1, 0.3, 0.5, 0.77, 0.999, 1), function(p) {
    mu <- n * p; s <- sqrt(n * p * (1 - p))
    k <- unique(pmin(n, pmax(0, round(c(0, 1, 2, mu - 10 * s, mu - 3 * s, mu - 1, mu, mu + 1, mu + 3 * s,
                                        mu + 10 * s, n / 2, n - 1, n)))))
    data.frame(k = k, n = n, p = p)
  }))))
out$binomial <- c(cols(d), list(pmf = enc(dbinom(d$k, d$n, d$p)), cdf = enc(pbinom(d$k, d$n, d$p)),
                               sf = enc(pbinom(d$k, d$n, d$p, lower.tail = FALSE))))
d <- grid(q = c(0, 1e-300, 1e-12, 0.001, 0.025, 0.1, 0.5, 0.9, 0.975, 0.999, 1 - 1e-12, 1), n = c(1, 7, 50, 1e4, 1e6),
          p = c(1e-6, 0.01, 0.3, 0.5, 0.999))
v <- qbinom(d$q, d$n, d$p)
# Definition used by binomialQuantile: the smallest k with P(X <= k) >= q (1 - fuzz), with R's
# fuzz 8 eps for q > 1/2 and 64 eps for q <= 1/2 (our lower tail is accurate to a few ulps, not
# bit-identical to R's). `consistent` says whether R's answer satisfies this with R's own pbinom
# (qbinom(1e-12, 1e4, 0.999) = 1e4 in R 4.2.2 does not: pbinom(9961, 1e4, 0.999) = 2.8e-12).
ok <- function(k, q, n, p) {
  e <- ifelse(q <= 0.5, 64, 8) * .Machine$double.eps
  ifelse(k < 0, FALSE, pbinom(k, n, p) >= q * (1 - e))
}
consistent <- ok(v, d$q, d$n, d$p) & (v == 0 | !ok(v - 1, d$q, d$n, d$p))
out$binomialQuantile <- c(cols(d), list(value = enc(v), consistent = consistent))
# R's fuzz: q given as a rounded cdf value maps back to its own k.
fz <- grid(k = c(0, 3, 7, 12), n = 20, p = c(0.2, 0.45))
fz$q <- pbinom(fz$k, fz$n, fz$p)
out$binomialQuantileFuzz <- c(cols(fz), list(value = enc(qbinom(fz$q, fz$n, fz$p))))

# ---- hypergeometric ---------------------------------------------------------------------------
urns <- rbind(c(10, 7, 8), c(1, 1, 1), c(5, 0, 3), c(0, 5, 2), c(20, 30, 25), c(100, 200, 150), c(1000, 50, 300),
              c(3, 5000, 2000), c(1e5, 1e5, 1e5), c(1e6, 2e6, 5e5), c(60, 40, 100))
d <- do.call(rbind, lapply(seq_len(nrow(urns)), function(i) {
  m <- urns[i, 1]; n <- urns[i, 2]; k <- urns[i, 3]
  lo <- max(0, k - n); hi <- min(k, m); mu <- k * m / (m + n); s <- sqrt(max(mu * (1 - m / (m + n)) * (m + n - k) / max(1, m + n - 1), 0))
  x <- unique(pmin(hi, pmax(lo, round(c(lo, lo + 1, mu - 8 * s, mu - 2 * s, mu, mu + 2 * s, mu + 8 * s, hi - 1, hi)))))
  data.frame(x = x, m = m, n = n, k = k)
}))
out$hypergeometric <- c(cols(d), list(pmf = enc(dhyper(d$x, d$m, d$n, d$k)), cdf = enc(phyper(d$x, d$m, d$n, d$k)),
                                     sf = enc(phyper(d$x, d$m, d$n, d$k, lower.tail = FALSE))))

# ---- noncentral t -----------------------------------------------------------------------------
# R's pnt (AS 243) stops at an absolute error bound of 1e-12 and computes the upper tail as
# 1 - lower; it is documented as unreliable for |ncp| > 37.62, so the grid stays inside that.
d <- grid(x = c(-50, -10, -3, -1, 0, 0.5, 1, 2, 3, 5, 10, 50), df = c(1, 2.5, 5, 10, 30, 100, 1e4),
          ncp = c(-37, -10, -3, -1, -0.2, 0.2, 1, 2.5, 5, 10, 37))
out$noncentralT <- c(cols(d), list(cdf = enc(pt(d$x, d$df, d$ncp)), sf = enc(pt(d$x, d$df, d$ncp, lower.tail = FALSE))))
d <- grid(p = c(1e-6, 0.01, 0.1, 0.5, 0.9, 0.99, 1 - 1e-6), df = c(1, 3.5, 10, 50), ncp = c(-5, -1, 0.5, 2, 8))
out$noncentralTQuantile <- c(cols(d), list(q = enc(qt(d$p, d$df, d$ncp))))

write_json(out, "test/reference/fixtures/dist.json", auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE)
