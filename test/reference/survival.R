# Reference values for src/stats/survival (run from the repo root:
#   Rscript --vanilla test/reference/survival.R)
# Writes test/reference/fixtures/survival.json. Needs r-cran-survival and r-cran-jsonlite.
#
# - HR derivations from printed figures: metafor 3.8 (Debian) has no conv.wald, so the
#   SE is found numerically with uniroot (independent of the closed forms under test):
#   the SE whose Wald interval reaches the printed upper bound, the SE whose Wald p equals
#   the printed p.
# - The Peto one-step estimate (O − E)/V equals one Newton step of coxph (Breslow ties)
#   from 0 when there are no tied event times: coxph(iter.max = 1) is the reference.
# - Simulated trials with a known HR: coxph, survdiff and survfit medians, for the
#   property that every derivation lands near the Cox estimate.
# - KM (survfit, log-log and log intervals, Brookmeyer–Crowley median CI), log-rank
#   (survdiff, also stratified), Cox (coxph Efron and Breslow: Wald, score, LR) and the
#   RMST (summary(survfit, rmean = tau)) on survival::veteran and survival::lung.
suppressPackageStartupMessages({
  library(jsonlite)
  library(survival)
})

root <- function(f, lower = 1e-8, upper = 10) uniroot(f, c(lower, upper), tol = 1e-14)$root

# --- SE of log HR from a CI of any level, and from an exact p ---------------------
ci_cases <- list(
  list(hr = 0.88, lower = 0.74, upper = 1.05, level = 0.95),
  list(hr = 0.72, lower = 0.61, upper = 0.85, level = 0.95),
  list(hr = 1.32, lower = 1.05, upper = 1.66, level = 0.90),
  list(hr = 0.58, lower = 0.39, upper = 0.86, level = 0.99),
  list(hr = 2.1, lower = 1.4, upper = 3.2, level = 0.95)
)
ci_out <- lapply(ci_cases, function(c) {
  lhr <- log(c$hr)
  q <- qnorm(1 - (1 - c$level) / 2)
  # SE such that the Wald interval around the midpoint of the log bounds reaches `upper`
  mid <- (log(c$lower) + log(c$upper)) / 2
  se <- root(function(s) exp(mid + q * s) - c$upper)
  c(c, list(logHr = lhr, se = se))
})
p_cases <- list(
  list(hr = 0.72, p = 0.0001), list(hr = 0.88, p = 0.17), list(hr = 1.45, p = 0.032),
  list(hr = 0.5, p = 1e-7), list(hr = 1.05, p = 0.81)
)
p_out <- lapply(p_cases, function(c) {
  se <- root(function(s) 2 * pnorm(-abs(log(c$hr)) / s) - c$p, 1e-6, 100)
  c(c, list(logHr = log(c$hr), se = se))
})

# --- One-step (Peto) estimate: no ties, so survdiff's V is the Breslow information -
set.seed(20261204)
onestep <- lapply(1:3, function(k) {
  n <- c(80, 150, 40)[k]
  arm <- rep(1:0, c(n, n + 10 * k))
  t <- rexp(length(arm), rate = 0.1 * ifelse(arm == 1, c(0.6, 0.9, 1.4)[k], 1))
  cens <- runif(length(arm), 0, 25)
  time <- pmin(t, cens); status <- as.integer(t <= cens)
  stopifnot(!any(duplicated(time[status == 1])))
  sd <- survdiff(Surv(time, status) ~ factor(arm, levels = c(1, 0)))
  one <- suppressWarnings(coxph(Surv(time, status) ~ arm, ties = "breslow", iter.max = 1))
  list(oMinusE = sd$obs[1] - sd$exp[1], v = sd$var[1, 1], chisq = sd$chisq, oneStep = unname(coef(one)))
})

# --- Trials simulated from a known HR -----------------------------------------
simulate_trial <- function(n1, n2, hr, seed) {
  set.seed(seed)
  arm <- rep(1:0, c(n1, n2))
  t <- rexp(n1 + n2, rate = 0.1 * ifelse(arm == 1, hr, 1))
  cens <- runif(n1 + n2, 2, 30)
  time <- pmin(t, cens); status <- as.integer(t <= cens)
  cx <- coxph(Surv(time, status) ~ arm)
  s <- summary(cx)
  sd <- survdiff(Surv(time, status) ~ factor(arm, levels = c(1, 0)))
  km <- survfit(Surv(time, status) ~ factor(arm, levels = c(1, 0)))
  med <- unname(summary(km)$table[, "median"])
  list(hrTrue = hr, n1 = n1, n2 = n2,
       coxLogHr = unname(coef(cx)), coxSe = unname(sqrt(vcov(cx)[1, 1])),
       coxLower = unname(s$conf.int[1, 3]), coxUpper = unname(s$conf.int[1, 4]),
       coxP = unname(s$coefficients[1, 5]),
       oMinusE = unname(sd$obs[1] - sd$exp[1]), v = unname(sd$var[1, 1]), chisq = unname(sd$chisq),
       logrankP = pchisq(sd$chisq, 1, lower.tail = FALSE),
       events1 = sum(status[arm == 1]), events2 = sum(status[arm == 0]),
       median1 = med[1], median2 = med[2])
}
simulated <- list(
  simulate_trial(1000, 1000, 0.7, 1),
  simulate_trial(600, 300, 0.8, 2),
  simulate_trial(400, 400, 1.25, 3),
  simulate_trial(1500, 1500, 0.9, 4)
)

# --- KM, log-rank, Cox and RMST on real patient-level data ------------------------
km_block <- function(fit) {
  ss <- summary(fit, censored = TRUE)
  strata <- if (is.null(fit$strata)) rep("all", length(fit$time)) else rep(names(fit$strata), fit$strata)
  list(strata = strata, time = fit$time, nRisk = fit$n.risk, nEvent = fit$n.event, nCensor = fit$n.censor,
       surv = fit$surv, stdErr = fit$std.err, lower = fit$lower, upper = fit$upper)
}
analyse <- function(name, time, status, group, strata = NULL, tau, times) {
  g <- factor(group)
  d <- data.frame(time = time, status = status, g = g)
  loglog <- survfit(Surv(time, status) ~ g, data = d, conf.type = "log-log")
  logci <- survfit(Surv(time, status) ~ g, data = d, conf.type = "log")
  plain <- survfit(Surv(time, status) ~ g, data = d, conf.type = "plain")
  tab <- summary(loglog, rmean = tau)$table
  tabLog <- summary(logci)$table
  at <- summary(loglog, times = times, extend = TRUE)
  sd <- survdiff(Surv(time, status) ~ g, data = d)
  # coxph: arm = second level vs first (R's default contrast)
  cox <- function(ties) {
    # eps 1e-12: converged to rounding (coxph's default 1e-9 stops a step early for 1e-8 tests)
    cx <- coxph(Surv(time, status) ~ g, data = d, ties = ties, control = coxph.control(eps = 1e-12, toler.chol = 1e-15, iter.max = 100))
    s <- summary(cx)
    list(coef = unname(coef(cx)), se = unname(sqrt(vcov(cx)[1, 1])),
         lower = unname(s$conf.int[1, 3]), upper = unname(s$conf.int[1, 4]),
         waldZ = unname(s$coefficients[1, 4]), waldP = unname(s$coefficients[1, 5]),
         score = unname(s$sctest[1]), scoreP = unname(s$sctest[3]),
         lr = unname(s$logtest[1]), lrP = unname(s$logtest[3]),
         loglik = unname(cx$loglik), iterations = cx$iter)
  }
  out <- list(
    name = name, levels = levels(g), tau = tau,
    km = km_block(loglog), kmLog = list(lower = logci$lower, upper = logci$upper),
    kmPlain = list(lower = plain$lower, upper = plain$upper),
    medians = list(median = unname(tab[, "median"]), lower = unname(tab[, "0.95LCL"]), upper = unname(tab[, "0.95UCL"]),
                   lowerLog = unname(tabLog[, "0.95LCL"]), upperLog = unname(tabLog[, "0.95UCL"])),
    rmst = list(rmean = unname(tab[, "rmean"]), se = unname(tab[, "se(rmean)"])),
    at = list(times = times, strata = as.character(at$strata), time = at$time, surv = at$surv,
              stdErr = at$std.err, lower = at$lower, upper = at$upper, nRisk = at$n.risk),
    logrank = list(obs = unname(sd$obs), exp = unname(sd$exp), var = unname(sd$var[1, 1]), chisq = sd$chisq,
                   p = pchisq(sd$chisq, 1, lower.tail = FALSE)),
    efron = cox("efron"), breslow = cox("breslow")
  )
  if (!is.null(strata)) {
    d$s <- strata
    st <- survdiff(Surv(time, status) ~ g + strata(s), data = d)
    out$stratified <- list(obs = unname(st$obs), exp = unname(st$exp), var = unname(st$var[1, 1]), chisq = st$chisq)
    sc <- coxph(Surv(time, status) ~ g + strata(s), data = d, control = coxph.control(eps = 1e-12, toler.chol = 1e-15, iter.max = 100))
    out$stratifiedCox <- list(coef = unname(coef(sc)), se = unname(sqrt(vcov(sc)[1, 1])))
  }
  out
}
vet <- survival::veteran
lung <- survival::lung
data_out <- list(
  veteran = list(time = vet$time, status = vet$status, trt = vet$trt, celltype = as.character(vet$celltype)),
  lung = list(time = lung$time, status = lung$status - 1L, sex = lung$sex)
)
analyses <- list(
  analyse("veteran", vet$time, vet$status, vet$trt, as.character(vet$celltype), tau = 500, times = c(30, 90, 180, 365)),
  analyse("lung", lung$time, lung$status - 1L, lung$sex, NULL, tau = 750, times = c(180, 365, 730))
)

# --- Descriptive summaries of patient-level values (quantile type 7, R's default) ------
# The value summarised is log(time), which has few ties, so the quartiles interpolate.
describe <- lapply(split(vet, vet$trt), function(d) list(
  arm = as.character(d$trt[1]), n = nrow(d), mean = mean(log(d$time)), sd = sd(log(d$time)),
  q = unname(quantile(log(d$time), c(0.25, 0.5, 0.75), type = 7)), min = min(log(d$time)), max = max(log(d$time)),
  prior = sum(d$prior == 10)))
names(describe) <- NULL
type7 <- list(x = c(3.1, 1, 4, 1.5, 9.2, 2.6, 5), p = c(0.05, 0.1, 0.25, 0.33, 0.5, 0.75, 0.9, 1),
              q = unname(quantile(c(3.1, 1, 4, 1.5, 9.2, 2.6, 5), c(0.05, 0.1, 0.25, 0.33, 0.5, 0.75, 0.9, 1), type = 7)))

# --- Pooling HRs derived several ways (generic inverse variance, metafor rma) ---------
# Five illustrative studies (not real trials), each printing something different. Log HR
# and SE per study as in Tierney 2007 (CI and p through uniroot, as above), then rma.
suppressPackageStartupMessages(library(metafor))
hr_ci <- function(hr, lo, up, level = 0.95) c(log(hr), root(function(s) exp((log(lo) + log(up)) / 2 + qnorm(1 - (1 - level) / 2) * s) - up))
hr_p <- function(hr, p) c(log(hr), root(function(s) 2 * pnorm(-abs(log(hr)) / s) - p, 1e-6, 100))
pool_studies <- list(
  list(study = "A", kind = "ci", hr = 0.78, lower = 0.62, upper = 0.98, value = hr_ci(0.78, 0.62, 0.98)),
  list(study = "B", kind = "oe-v", oMinusE = -8.4, v = 35.2, value = c(-8.4 / 35.2, 1 / sqrt(35.2))),
  list(study = "C", kind = "p", hr = 1.12, p = 0.35, value = hr_p(1.12, 0.35)),
  list(study = "D", kind = "logrank", logrankP = 0.03, events = 180, n1 = 150, n2 = 150, value = c(-qnorm(0.015, lower.tail = FALSE) / sqrt(180 / 4), 1 / sqrt(180 / 4))),
  list(study = "E", kind = "events", hr = 0.45, events1 = 40, events2 = 55, value = c(log(0.45), sqrt(1 / 40 + 1 / 55)))
)
yi <- sapply(pool_studies, function(s) s$value[1]); sei <- sapply(pool_studies, function(s) s$value[2])
pool_fit <- function(method, test) {
  f <- rma(yi = yi, sei = sei, method = method, test = test)
  list(method = method, test = test, estimate = unname(f$b[1]), se = f$se, lower = f$ci.lb, upper = f$ci.ub, tau2 = f$tau2, I2 = f$I2, Q = f$QE, p = f$pval)
}
pool <- list(yi = yi, sei = sei, fits = list(pool_fit("REML", "z"), pool_fit("DL", "knha"), pool_fit("FE", "z"), pool_fit("PM", "z")))

out <- list(pool = pool, describe = describe, type7 = type7, ci = ci_out, p = p_out, onestep = onestep, simulated = simulated, data = data_out, analyses = analyses)
dir.create("test/reference/fixtures", showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE), "test/reference/fixtures/survival.json")
cat("wrote test/reference/fixtures/survival.json\n")
