# Upper-tail and log-scale quantiles and probabilities (R's lower.tail = FALSE, log.p = TRUE),
# for src/stats/dist (issue 17, bug 4).
# Run from the repo root: Rscript --vanilla test/reference/dist_tails.R
# Writes test/reference/fixtures/dist_tails.json.
#
# For each distribution and upper-tail probability p the fixture holds
#   q     = R's q*(p, ..., lower.tail = FALSE)
#   root  = the root of R's own upper tail, log p*(x, lower.tail = FALSE, log.p = TRUE) = log p,
#           by uniroot from q (tol 1e-15 relative); R's quantile functions are themselves
#           inaccurate in some far tails (e.g. qt for small df), R's p-functions are not
#   qLog  = R's q*(log p, ..., log.p = TRUE)            (the lower tail p, given on the log scale)
#   qLog1 = R's q*(log1p(-p), ..., log.p = TRUE)        (lower tail 1 - p given as log(1 - p))
#   logCdf, logSf = R's p*(root, ..., log.p = TRUE) and p*(root, ..., lower.tail = FALSE, log.p = TRUE)
library(jsonlite)

ps <- c(1e-300, 1e-100, 1e-20, 1e-17, 1e-10, 1e-3, 0.3)
refine <- function(q, logp, logsf) {
  if (!is.finite(q) || q == 0) return(q)
  f <- function(x) logsf(x) - logp
  w <- 1e-6 * abs(q)
  r <- tryCatch(uniroot(f, c(q - w, q + w), extendInt = "downX", tol = 1e-15 * abs(q), maxiter = 2000)$root,
                error = function(e) NA)
  r
}
family <- function(name, params, qf, pf) {
  rows <- list()
  for (par in params) for (p in ps) {
    q <- do.call(qf, c(list(p), par, list(lower.tail = FALSE)))
    root <- refine(q, log(p), function(x) do.call(pf, c(list(x), par, list(lower.tail = FALSE, log.p = TRUE))))
    rows[[length(rows) + 1]] <- c(list(p = p), par, list(
      q = q, root = root,
      qLog = do.call(qf, c(list(log(p)), par, list(log.p = TRUE))),
      qLog1 = do.call(qf, c(list(log1p(-p)), par, list(log.p = TRUE))),
      logCdf = do.call(pf, c(list(root), par, list(log.p = TRUE))),
      logSf = do.call(pf, c(list(root), par, list(lower.tail = FALSE, log.p = TRUE)))))
  }
  rows
}
# 17 significant digits (jsonlite's digits = NA stops at 15), written verbatim.
num17 <- function(v) if (is.na(v)) "NaN" else if (is.infinite(v)) (if (v > 0) "Inf" else "-Inf") else structure(sprintf("%.17g", v), class = "json")
enc <- function(rows) lapply(rows, function(r) lapply(r, num17))

out <- list(
  generated = paste("R", getRversion()),
  normal = enc(family("normal", list(list(mean = 0, sd = 1), list(mean = 3, sd = 2)), qnorm, pnorm)),
  t = enc(family("t", lapply(c(1, 2, 5, 30, 1e4), function(d) list(df = d)), qt, pt)),
  chiSquare = enc(family("chisq", lapply(c(0.5, 1, 3, 10, 100, 1e5), function(d) list(df = d)), qchisq, pchisq)),
  f = enc(family("f", list(list(df1 = 2, df2 = 10), list(df1 = 1, df2 = 1), list(df1 = 5, df2 = 3),
                           list(df1 = 10, df2 = 100), list(df1 = 100, df2 = 5)), qf, pf)),
  beta = enc(family("beta", list(list(shape1 = 0.5, shape2 = 0.5), list(shape1 = 2, shape2 = 3),
                                 list(shape1 = 10, shape2 = 1), list(shape1 = 1, shape2 = 50)), qbeta, pbeta)),
  gamma = enc(family("gamma", lapply(c(0.1, 1, 5, 100), function(s) list(shape = s)), qgamma, pgamma)),
  # The issue's examples, as R prints them.
  examples = list(
    qchisq = qchisq(1e-20, 3, lower.tail = FALSE),
    qf = qf(1e-17, 2, 10, lower.tail = FALSE),
    qt = qt(1e-17, 5, lower.tail = FALSE),
    qnormLog = qnorm(-1e5, log.p = TRUE)),
  # Noncentral t: R computes its upper tail as 1 - lower, so only moderate p are references.
  noncentralT = lapply(list(c(1e-6, 10, 1.5), c(0.01, 5, -2), c(0.3, 20, 3), c(1e-4, 30, 0)), function(a)
    list(p = a[1], df = a[2], ncp = a[3], q = qt(a[1], a[2], a[3], lower.tail = FALSE),
         qLog = qt(log(a[1]), a[2], a[3], log.p = TRUE))),
  # Binomial: smallest k with P(X > k) <= p (R >= 4.1 searches the upper tail directly).
  binomial = lapply(list(c(1e-20, 100, 0.3), c(1e-5, 1000, 0.01), c(0.3, 50, 0.5), c(0.025, 1e6, 0.3), c(1e-300, 2000, 0.5)), function(a)
    list(p = a[1], n = a[2], prob = a[3], k = qbinom(a[1], a[2], a[3], lower.tail = FALSE),
         kLog = qbinom(log(a[1]), a[2], a[3], log.p = TRUE),
         logCdf = pbinom(round(a[2] * a[3]), a[2], a[3], log.p = TRUE),
         logSf = pbinom(round(a[2] * a[3]), a[2], a[3], lower.tail = FALSE, log.p = TRUE)))
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, json_verbatim = TRUE), "test/reference/fixtures/dist_tails.json")
