# Reference values for group-sequential designs (src/stats/design/group-sequential-*.ts).
# Run from the repo root: Rscript --vanilla test/reference/design_sequential.R
# Writes test/reference/fixtures/design_sequential.json. Needs jsonlite, rpact (3.3.4) and mvtnorm.
#
# Two independent references:
# - rpact's getDesignGroupSequential / getDesignCharacteristics / getSampleSize* (its own C++
#   recursive integration and root finding);
# - mvtnorm::pmvnorm (Miwa's algorithm) for exit probabilities, stage-wise p-values and the
#   critical values themselves (re-solved here with uniroot on pmvnorm), i.e. a multivariate
#   normal integral that shares nothing with the recursive integration under test.
suppressPackageStartupMessages({ library(jsonlite); library(rpact); library(mvtnorm) })

num <- function(x) if (is.null(x)) NULL else I(as.numeric(x))  # I(): length-1 vectors stay arrays

designs <- list()
add_design <- function(kMax, rates, alpha, beta, sided, type, param = NA, futility = NA, fparam = NA) {
  args <- list(kMax = kMax, informationRates = rates, alpha = alpha, beta = beta, sided = sided, typeOfDesign = type)
  if (type == "asHSD" || type == "asKD") args$gammaA <- param
  if (type == "WT") args$deltaWT <- param
  if (!is.na(futility)) {
    args$typeBetaSpending <- futility
    args$bindingFutility <- FALSE
    if (futility == "bsHSD" || futility == "bsKD") args$gammaB <- fparam
  }
  d <- do.call(getDesignGroupSequential, args)
  ch <- getDesignCharacteristics(d)
  designs[[length(designs) + 1]] <<- list(
    kMax = kMax, informationRates = rates, alpha = alpha, beta = beta, sided = sided, type = type,
    parameter = if (is.na(param)) NULL else param,
    futility = if (is.na(futility)) NULL else futility, futilityParameter = if (is.na(fparam)) NULL else fparam,
    criticalValues = num(d$criticalValues), alphaSpent = num(d$alphaSpent),
    futilityBounds = if (is.na(futility)) NULL else num(d$futilityBounds),
    betaSpent = if (is.na(futility)) NULL else num(d$betaSpent),
    shift = ch$shift, inflationFactor = ch$inflationFactor, power = num(ch$power),
    rejectionProbabilities = num(ch$rejectionProbabilities),
    futilityProbabilities = num(ch$futilityProbabilities),
    asn0 = ch$averageSampleNumber0, asn01 = ch$averageSampleNumber01, asn1 = ch$averageSampleNumber1)
}

eq <- function(k) (1:k) / k
for (sided in c(1, 2)) for (k in 2:5) for (type in c("asOF", "asP", "OF", "P", "HP")) {
  add_design(k, eq(k), if (sided == 1) 0.025 else 0.05, 0.2, sided, type)
}
for (rates in list(c(0.3, 0.6, 1), c(0.25, 0.5, 0.8, 1), c(0.5, 1), c(0.1, 0.2, 0.7, 1))) {
  k <- length(rates)
  for (type in c("asOF", "asP", "OF", "P")) add_design(k, rates, 0.025, 0.1, 1, type)
  for (g in c(-4, -2, 1)) add_design(k, rates, 0.025, 0.2, 1, "asHSD", g)
  for (rho in c(1, 2, 3)) add_design(k, rates, 0.05, 0.2, 2, "asKD", rho)
  add_design(k, rates, 0.025, 0.2, 1, "WT", 0.25)
  add_design(k, rates, 0.05, 0.1, 2, "WT", 0.1)
}
add_design(4, eq(4), 0.01, 0.05, 1, "asOF")
add_design(3, eq(3), 0.1, 0.2, 2, "asP")
# Non-binding futility by beta-spending (one-sided).
for (rates in list(eq(2), eq(3), eq(4), c(0.3, 0.6, 1), c(0.4, 0.7, 1))) {
  k <- length(rates)
  add_design(k, rates, 0.025, 0.2, 1, "asOF", NA, "bsOF")
  add_design(k, rates, 0.025, 0.1, 1, "asP", NA, "bsP")
  add_design(k, rates, 0.025, 0.2, 1, "asHSD", -4, "bsHSD", -2)
  add_design(k, rates, 0.05, 0.2, 1, "asKD", 3, "bsKD", 2)
}

# --- mvtnorm: crossing probabilities for given bounds, critical values by uniroot on pmvnorm -----
corr <- function(t) outer(t, t, function(a, b) sqrt(pmin(a, b) / pmax(a, b)))
alg <- Miwa(steps = 4096)
options(warn = -1) # Miwa notes that it approximates ±Inf by ±1000: harmless here
exit_probs <- function(t, lo, up, drift) {
  K <- length(t); mu <- drift * sqrt(t); S <- corr(t)
  upper <- numeric(K); lower <- numeric(K)
  for (k in 1:K) {
    l <- c(lo[seq_len(k - 1)], up[k]); u <- c(up[seq_len(k - 1)], Inf)
    upper[k] <- pmvnorm(lower = l, upper = u, mean = mu[1:k], sigma = S[1:k, 1:k, drop = FALSE], algorithm = alg)[1]
    if (is.finite(lo[k])) {
      l <- c(lo[seq_len(k - 1)], -Inf); u <- c(up[seq_len(k - 1)], lo[k])
      lower[k] <- pmvnorm(lower = l, upper = u, mean = mu[1:k], sigma = S[1:k, 1:k, drop = FALSE], algorithm = alg)[1]
    }
  }
  list(upper = upper, lower = lower)
}
mvn <- list()
for (cfg in list(list(t = eq(3), lo = rep(-Inf, 3), up = c(3.710303, 2.511427, 1.993047), drift = c(0, 1.5, 2.944)),
                 list(t = c(0.3, 0.6, 1), lo = c(-0.5, 0.8, 2.1), up = c(3.2, 2.6, 2.1), drift = c(0, 2, 3.2)),
                 list(t = eq(4), lo = c(-2.4, -2.4, -2.4, -2.4), up = c(2.4, 2.4, 2.4, 2.4), drift = c(0, 1, 3)),
                 list(t = c(0.1, 0.2, 0.7, 1), lo = rep(-Inf, 4), up = c(4.5, 3.9, 2.3, 2.0), drift = c(0, 2.5)))) {
  for (th in cfg$drift) {
    p <- exit_probs(cfg$t, cfg$lo, cfg$up, th)
    mvn[[length(mvn) + 1]] <- list(informationRates = cfg$t, lower = cfg$lo, upper = cfg$up, drift = th, exitUpper = p$upper, exitLower = p$lower)
  }
}
# Critical values of an alpha-spending design solved stage by stage on pmvnorm (one-sided).
spend_of <- function(t, a) ifelse(t >= 1, a, 2 * (1 - pnorm(qnorm(1 - a / 2) / sqrt(t))))
spend_p <- function(t, a) a * log(1 + (exp(1) - 1) * t)
mvn_bounds <- list()
for (cfg in list(list(t = eq(3), f = spend_of, type = "asOF"), list(t = c(0.25, 0.5, 0.8, 1), f = spend_p, type = "asP"))) {
  t <- cfg$t; K <- length(t); b <- numeric(0)
  for (k in 1:K) {
    target <- cfg$f(t[k], 0.025) - (if (k > 1) cfg$f(t[k - 1], 0.025) else 0)
    g <- function(x) exit_probs(t[1:k], rep(-Inf, k), c(b, x), 0)$upper[k] - target
    b <- c(b, uniroot(g, c(0.5, 8), tol = 1e-10)$root)
  }
  mvn_bounds[[length(mvn_bounds) + 1]] <- list(type = cfg$type, informationRates = t, alpha = 0.025, criticalValues = b)
}
# Stage-wise ordering p-value at look k with observed z: sum_{j<k} P0(exit up at j) + P0(continue, Z_k >= z).
stagewise <- list()
for (cfg in list(list(t = eq(3), up = c(3.710303, 2.511427, 1.993047), k = 2, z = 2.2, sided = 1),
                 list(t = eq(3), up = c(3.710303, 2.511427, 1.993047), k = 3, z = 2.5, sided = 1),
                 list(t = eq(3), up = c(3.710303, 2.511427, 1.993047), k = 1, z = 4.0, sided = 1),
                 list(t = c(0.25, 0.5, 0.8, 1), up = c(2.4, 2.4, 2.4, 2.4), k = 4, z = 1.1, sided = 2))) {
  K <- cfg$k; t <- cfg$t[1:K]; up <- cfg$up[1:K]; lo <- if (cfg$sided == 2) -up else rep(-Inf, K)
  up2 <- c(up[seq_len(K - 1)], abs(cfg$z)); lo2 <- if (cfg$sided == 2) c(lo[seq_len(K - 1)], -abs(cfg$z)) else rep(-Inf, K)
  p <- exit_probs(t, lo2, up2, 0)
  stagewise[[length(stagewise) + 1]] <- list(informationRates = cfg$t, criticalValues = cfg$up, sided = cfg$sided, look = cfg$k, z = cfg$z,
    p = sum(p$upper) + sum(p$lower))
}

# --- sample sizes (rpact, normal approximation) ----------------------------------------------
sizes <- list()
for (cfg in list(list(k = 3, type = "asOF", sided = 1, alpha = 0.025, beta = 0.2), list(k = 4, type = "asP", sided = 2, alpha = 0.05, beta = 0.1),
                 list(k = 2, type = "OF", sided = 1, alpha = 0.025, beta = 0.1))) {
  d <- getDesignGroupSequential(kMax = cfg$k, alpha = cfg$alpha, beta = cfg$beta, sided = cfg$sided, typeOfDesign = cfg$type)
  for (r in c(1, 2)) {
    m <- getSampleSizeMeans(d, groups = 2, alternative = 5, stDev = 12, allocationRatioPlanned = r, normalApproximation = TRUE)
    sizes[[length(sizes) + 1]] <- list(design = cfg, endpoint = "means", groups = 2, delta = 5, sd = 12, allocation = r,
      nFixed = m$nFixed, nMax = m$maxNumberOfSubjects, n = num(m$numberOfSubjects), enH0 = m$expectedNumberOfSubjectsH0, enH1 = m$expectedNumberOfSubjectsH1)
    s <- getSampleSizeRates(d, groups = 2, pi1 = 0.45, pi2 = 0.3, allocationRatioPlanned = r, normalApproximation = TRUE)
    sizes[[length(sizes) + 1]] <- list(design = cfg, endpoint = "rates", groups = 2, p1 = 0.45, p2 = 0.3, allocation = r,
      nFixed = s$nFixed, nMax = s$maxNumberOfSubjects, n = num(s$numberOfSubjects), enH0 = s$expectedNumberOfSubjectsH0, enH1 = s$expectedNumberOfSubjectsH1)
    v <- getSampleSizeSurvival(d, hazardRatio = 0.7, pi2 = 0.3, eventTime = 12, accrualTime = 12, followUpTime = 12, allocationRatioPlanned = r)
    sizes[[length(sizes) + 1]] <- list(design = cfg, endpoint = "survival", hazardRatio = 0.7, allocation = r,
      nFixed = v$eventsFixed, nMax = v$maxNumberOfEvents, n = num(v$eventsPerStage), enH0 = v$expectedEventsH0, enH1 = v$expectedEventsH1)
  }
  m1 <- getSampleSizeMeans(d, groups = 1, alternative = 0.4, stDev = 1, normalApproximation = TRUE)
  sizes[[length(sizes) + 1]] <- list(design = cfg, endpoint = "means", groups = 1, delta = 0.4, sd = 1, allocation = 1,
    nFixed = m1$nFixed, nMax = m1$maxNumberOfSubjects, n = num(m1$numberOfSubjects), enH0 = m1$expectedNumberOfSubjectsH0, enH1 = m1$expectedNumberOfSubjectsH1)
  r1 <- getSampleSizeRates(d, groups = 1, pi1 = 0.35, thetaH0 = 0.2, normalApproximation = TRUE)
  sizes[[length(sizes) + 1]] <- list(design = cfg, endpoint = "rates", groups = 1, p1 = 0.35, p0 = 0.2, allocation = 1,
    nFixed = r1$nFixed, nMax = r1$maxNumberOfSubjects, n = num(r1$numberOfSubjects), enH0 = r1$expectedNumberOfSubjectsH0, enH1 = r1$expectedNumberOfSubjectsH1)
}

# --- Fisher exact power at large n (power props --method fisher): every outcome with binomial
# probability not negligible (tails beyond 1e-13 left out) run through fisher.test itself.
fisher_power <- function(n1, n2, p1, p2, alpha = 0.05) {
  r1 <- c(qbinom(1e-13, n1, p1), qbinom(1e-13, n1, p1, lower.tail = FALSE))
  r2 <- c(qbinom(1e-13, n2, p2), qbinom(1e-13, n2, p2, lower.tail = FALSE))
  total <- 0
  for (x1 in r1[1]:r1[2]) {
    w1 <- dbinom(x1, n1, p1)
    for (x2 in r2[1]:r2[2]) {
      if (fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2))$p.value <= alpha) total <- total + w1 * dbinom(x2, n2, p2)
    }
  }
  total
}
fisher_large <- list()
for (cfg in list(c(1201, 1201, 0.02, 0.04), c(1202, 1202, 0.02, 0.04), c(700, 1400, 0.05, 0.09))) {
  fisher_large[[length(fisher_large) + 1]] <- list(n1 = cfg[1], n2 = cfg[2], p1 = cfg[3], p2 = cfg[4], alpha = 0.05, power = fisher_power(cfg[1], cfg[2], cfg[3], cfg[4]))
}

# --- BOIN (Liu & Yuan 2015) from the paper's definitions; no BOIN package on this machine ------
# lambda_e / lambda_d: the observed rate at which the binomial likelihoods of phi1 and phi (of phi and
# phi2) are equal, solved with uniroot (the closed forms are what the code under test uses).
lik_cross <- function(a, b) uniroot(function(p) p * log(a / b) + (1 - p) * log((1 - a) / (1 - b)), c(1e-9, 1 - 1e-9), tol = 1e-14)$root
boin_bounds <- list()
for (target in c(0.15, 0.2, 0.25, 0.3, 0.35, 0.4)) {
  le <- lik_cross(0.6 * target, target); ld <- lik_cross(target, 1.4 * target)
  rows <- lapply(1:30, function(n) {
    elim <- n + 1
    if (n >= 3) for (y in 0:n) if (1 - pbeta(target, y + 1, n - y + 1) > 0.95) { elim <- y; break }
    list(n = n, escalateMax = floor(n * le), deescalateMin = floor(n * ld) + 1, eliminateMin = elim)
  })
  boin_bounds[[length(boin_bounds) + 1]] <- list(target = target, lambdaE = le, lambdaD = ld, table = rows)
}
# Isotonic regression by the max-min formula iso_i = max_{s<=i} min_{t>=i} weighted mean(s..t)
# (a different algorithm from the pool-adjacent-violators code under test), then BOIN's select.mtd.
iso_maxmin <- function(v, w) sapply(seq_along(v), function(i) max(sapply(1:i, function(s) min(sapply(i:length(v), function(t) sum(v[s:t] * w[s:t]) / sum(w[s:t]))))))
select_mtd <- function(y, n, target, elim) {
  if (elim == 1 || n[1] == 0) return(0)
  adm <- which(n > 0 & seq_along(n) < elim)
  ph <- (y[adm] + 0.05) / (n[adm] + 0.1)
  v <- (y[adm] + 0.05) * (n[adm] - y[adm] + 0.05) / ((n[adm] + 0.1)^2 * (n[adm] + 1.1))
  iso <- iso_maxmin(ph, 1 / v) + seq_along(adm) * 1e-10
  adm[which.min(abs(iso - target))]
}
boin_trial_step <- function(tab, d, n, y, elim, J) {
  row <- tab[[n[d]]]
  if (y[d] >= row$eliminateMin) { elim <- min(elim, d); if (d == 1) return(list(stop = TRUE, d = d, elim = 1)) }
  if (y[d] <= row$escalateMax && d < J && d + 1 < elim) d <- d + 1
  else if ((y[d] >= row$deescalateMin || elim <= d) && d > 1) d <- d - 1
  list(stop = FALSE, d = d, elim = elim)
}
# Exact: every sequence of cohort outcomes, no merging of states (4^cohorts paths).
boin_exact <- function(tab, dlt, target, cs, cohorts) {
  J <- length(dlt); res <- list(sel = numeric(J + 1), n = numeric(J))
  rec <- function(c, d, n, y, elim, prob) {
    if (c > cohorts) { s <- select_mtd(y, n, target, elim); res$sel[s + 1] <<- res$sel[s + 1] + prob; res$n <<- res$n + prob * n; return(invisible()) }
    for (k in 0:cs) {
      pk <- dbinom(k, cs, dlt[d]); if (pk == 0) next
      n2 <- n; y2 <- y; n2[d] <- n2[d] + cs; y2[d] <- y2[d] + k
      st <- boin_trial_step(tab, d, n2, y2, elim, J)
      if (st$stop) { res$sel[1] <<- res$sel[1] + prob * pk; res$n <<- res$n + prob * pk * n2 }
      else rec(c + 1, st$d, n2, y2, st$elim, prob * pk)
    }
  }
  rec(1, 1, numeric(J), numeric(J), J + 1, 1)
  list(pNone = res$sel[1], pSelect = res$sel[-1], expectedNPerDose = res$n)
}
# Simulation with a fixed seed, for a design too large to enumerate path by path.
boin_sim <- function(tab, dlt, target, cs, cohorts, reps, seed) {
  set.seed(seed); J <- length(dlt); sel <- numeric(J + 1); nn <- numeric(J)
  for (r in 1:reps) {
    d <- 1; n <- numeric(J); y <- numeric(J); elim <- J + 1; stopped <- FALSE
    for (c in 1:cohorts) {
      n[d] <- n[d] + cs; y[d] <- y[d] + rbinom(1, cs, dlt[d])
      st <- boin_trial_step(tab, d, n, y, elim, J)
      if (st$stop) { stopped <- TRUE; break }
      d <- st$d; elim <- st$elim
    }
    s <- if (stopped) 0 else select_mtd(y, n, target, elim)
    sel[s + 1] <- sel[s + 1] + 1; nn <- nn + n
  }
  list(pNone = sel[1] / reps, pSelect = sel[-1] / reps, expectedNPerDose = nn / reps)
}
boin_oc <- list()
tab30 <- boin_bounds[[4]]$table
for (sc in list(c(0.1, 0.3, 0.5), c(0.05, 0.15, 0.3), c(0.3, 0.45, 0.6), c(0.02, 0.05, 0.1))) {
  e <- boin_exact(tab30, sc, 0.3, 3, 5)
  boin_oc[[length(boin_oc) + 1]] <- c(list(kind = "exact", dlt = sc, target = 0.3, cohortSize = 3, cohorts = 5), e)
}
for (sc in list(c(0.05, 0.1, 0.2, 0.3, 0.45), c(0.1, 0.25, 0.35, 0.5, 0.6))) {
  s <- boin_sim(tab30, sc, 0.3, 3, 10, 40000, 13)
  boin_oc[[length(boin_oc) + 1]] <- c(list(kind = "simulation", reps = 40000, dlt = sc, target = 0.3, cohortSize = 3, cohorts = 10), s)
}

out <- list(rpact = as.character(packageVersion("rpact")), mvtnorm = as.character(packageVersion("mvtnorm")),
  designs = designs, mvn = mvn, mvnBounds = mvn_bounds, stagewise = stagewise, sizes = sizes, fisherLarge = fisher_large, boinBounds = boin_bounds, boinOc = boin_oc)
dir.create("test/reference/fixtures", showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), "test/reference/fixtures/design_sequential.json")
cat("wrote test/reference/fixtures/design_sequential.json:", length(designs), "designs\n")
