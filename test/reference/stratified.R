# Reference for src/stats/binary/mantel-haenszel.ts and breslow-day-test.ts (stratified 2x2
# tables). Run from the repo root: Rscript --vanilla test/reference/stratified.R
# Writes test/reference/fixtures/stratified.json.
#
# Sources: epiR::epi.2by2 (RR.mh.wald = Greenland-Robins, OR.mh.wald = Robins-Breslow-Greenland,
# ARisk.mh.sato, ARisk.mh.green, bOR.homog = Breslow-Day without correction), R's
# mantelhaen.test (CMH statistic with and without continuity correction, and its MH OR and
# RGB interval as a second source). Tarone's correction is not in epiR or base R; it is computed
# here from its definition (Tarone 1985, Biometrika 72:91) with each stratum's fitted count A_k
# found by uniroot on A (not by the quadratic the code under test and epiR use), and the
# Breslow-Day statistic is recomputed the same way as a check on epiR.
suppressMessages(library(epiR))
library(jsonlite)

# strata: list of c(a, n1, c, n2); epiR/mantelhaen layout dat[, , k] = matrix(c(a, c, b, d), 2)
to_array <- function(s) {
  arr <- array(0, dim = c(2, 2, length(s)))
  for (k in seq_along(s)) {
    v <- s[[k]]
    arr[, , k] <- matrix(c(v[1], v[3], v[2] - v[1], v[4] - v[3]), 2)
  }
  arr
}

fitted_A <- function(v, psi) {
  a <- v[1]; n1 <- v[2]; c <- v[3]; n2 <- v[4]; m <- a + c
  lo <- max(0, m - n2); hi <- min(n1, m)
  or_of <- function(A) log(A) + log(n2 - m + A) - log(n1 - A) - log(m - A)
  uniroot(function(A) or_of(A) - log(psi), c(lo, hi), tol = 1e-13, maxiter = 5000)$root
}

homogeneity <- function(s, psi) {
  bd <- 0; diff <- 0; sv <- 0; k <- 0
  for (v in s) {
    m <- v[1] + v[3]
    if (m == 0 || m == v[2] + v[4]) next
    k <- k + 1
    A <- fitted_A(v, psi)
    V <- 1 / (1 / A + 1 / (v[2] - A) + 1 / (m - A) + 1 / (v[4] - m + A))
    bd <- bd + (v[1] - A)^2 / V; diff <- diff + v[1] - A; sv <- sv + V
  }
  tarone <- bd - diff^2 / sv
  list(breslowDay = bd, tarone = tarone, df = k - 1,
       pBreslowDay = pchisq(bd, k - 1, lower.tail = FALSE), pTarone = pchisq(tarone, k - 1, lower.tail = FALSE))
}

case_for <- function(name, s, level) {
  dat <- to_array(s)
  e <- suppressWarnings(epi.2by2(dat, method = "cohort.count", conf.level = level, outcome = "as.columns"))$massoc.detail
  mh1 <- mantelhaen.test(dat, correct = TRUE, conf.level = level)
  mh0 <- mantelhaen.test(dat, correct = FALSE, conf.level = level)
  v <- function(df) as.numeric(unlist(df[1, c("est", "lower", "upper")]))
  h <- homogeneity(s, as.numeric(e$OR.mh.wald$est))
  list(name = name, level = level, strata = lapply(s, as.numeric),
       rr = v(e$RR.mh.wald), or = v(e$OR.mh.wald),
       rdSato = v(e$ARisk.mh.sato) / 100, rdGreenlandRobins = v(e$ARisk.mh.green) / 100,
       mantelhaen = list(orEstimate = unname(mh1$estimate), orCi = as.numeric(mh1$conf.int),
                         statisticCorrected = unname(mh1$statistic), pCorrected = mh1$p.value,
                         statistic = unname(mh0$statistic), p = mh0$p.value),
       epirBreslowDay = list(statistic = e$bOR.homog$test.statistic, df = e$bOR.homog$df, p = e$bOR.homog$p.value),
       homogeneity = h)
}

set.seed(20261204)
random_strata <- function(K, nmax) lapply(1:K, function(k) {
  n1 <- sample(5:nmax, 1); n2 <- sample(5:nmax, 1)
  c(rbinom(1, n1, runif(1, 0.1, 0.6)), n1, rbinom(1, n2, runif(1, 0.1, 0.6)), n2)
})
datasets <- list(
  # Rothman, Greenland & Lash (2008) Modern Epidemiology 3rd ed., Table 15-1 (UGDP, tolbutamide vs placebo, deaths by age)
  ugdp = list(c(8, 106, 5, 120), c(22, 98, 16, 85)),
  threeStrata = list(c(12, 40, 5, 38), c(7, 25, 9, 30), c(30, 60, 18, 61)),
  zeroCells = list(c(0, 10, 3, 12), c(4, 15, 0, 14), c(6, 20, 5, 22)),
  random5 = random_strata(5, 60),
  random12 = random_strata(12, 200),
  large = list(c(1200, 10000, 1000, 10000), c(300, 5000, 340, 5200), c(45, 800, 30, 790))
)
cases <- list()
for (nm in names(datasets)) for (l in c(0.9, 0.95, 0.99)) cases[[length(cases) + 1]] <- case_for(nm, datasets[[nm]], l)

write_json(list(generated = paste("R", getRversion(), "epiR", as.character(packageVersion("epiR"))), cases = cases),
           "test/reference/fixtures/stratified.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote test/reference/fixtures/stratified.json\n")
