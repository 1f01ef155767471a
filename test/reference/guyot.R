# Reference for src/stats/survival/reconstruct-km.ts (run from the repo root:
#   Rscript --vanilla test/reference/guyot.R)
# Writes test/reference/fixtures/guyot.json.
#
# IPDfromKM is not packaged for Debian, so the reconstruction here is the algorithm of
# Guyot P, Ades AE, Ouwens MJNM, Welton NJ. Enhanced secondary analysis of survival data:
# reconstructing the data from published Kaplan-Meier survival curves. BMC Med Res Methodol
# 2012;12:9, written from the paper's published R code (Additional file 1), with its use of
# hist() for spreading censorings and R's round(). Preprocessing (as IPDfromKM): points
# sorted by time, survival made non-increasing, one point per time (the lowest); at-risk
# times after the last point or with 0 at risk dropped; an at-risk interval holding no point
# merged into the next one (the algorithm needs a point in every interval).
# On the pseudo-IPD, survfit / survdiff / coxph give the references for the KM, log-rank and
# Cox fits of the same data in TypeScript. Round trip: IPD simulated from a known HR, its KM
# read off exactly (each step, full precision) and with 3-decimal rounding, at-risk table
# at fixed times, reconstructed, and compared with the truth.
suppressPackageStartupMessages({
  library(jsonlite)
  library(survival)
})

guyot <- function(t.S, S, t.risk, n.risk, tot.events = NA) {
  o <- order(t.S, -S); t.S <- t.S[o]; S <- cummin(S[o])
  keep <- !duplicated(t.S, fromLast = TRUE); t.S <- t.S[keep]; S <- S[keep]
  # at-risk intervals holding at least one point
  npoints <- length(t.S)
  lower <- sapply(t.risk, function(t) which(t.S >= t)[1])
  ok <- !is.na(lower) & n.risk > 0
  t.risk <- t.risk[ok]; n.risk <- n.risk[ok]; lower <- lower[ok]
  # an at-risk interval without a point is merged into the next (keep the later count)
  keep <- !duplicated(lower, fromLast = TRUE)
  t.risk <- t.risk[keep]; n.risk <- n.risk[keep]; lower <- lower[keep]
  nint <- length(t.risk)
  upper <- c(lower[-1] - 1, npoints)
  stopifnot(all(upper >= lower))
  n.censor <- rep(0, nint)
  n.hat <- rep(n.risk[1] + 1, npoints + 1)
  cen <- rep(0, npoints); d <- rep(0, npoints); KM.hat <- rep(1, npoints)
  last.i <- rep(1, nint); sumdL <- 0
  if (nint > 1) {
    for (i in 1:(nint - 1)) {
      n.censor[i] <- round(n.risk[i] * S[lower[i + 1]] / S[lower[i]] - n.risk[i + 1])
      while ((n.hat[lower[i + 1]] > n.risk[i + 1]) || ((n.hat[lower[i + 1]] < n.risk[i + 1]) && (n.censor[i] > 0))) {
        if (n.censor[i] <= 0) { cen[lower[i]:upper[i]] <- 0; n.censor[i] <- 0 }
        if (n.censor[i] > 0) {
          cen.t <- t.S[lower[i]] + (1:n.censor[i]) * (t.S[lower[i + 1]] - t.S[lower[i]]) / (n.censor[i] + 1)
          cen[lower[i]:upper[i]] <- hist(cen.t, breaks = t.S[lower[i]:lower[i + 1]], plot = FALSE)$counts
        }
        n.hat[lower[i]] <- n.risk[i]
        last <- last.i[i]
        for (k in lower[i]:upper[i]) {
          if (i == 1 & k == lower[i]) { d[k] <- 0; KM.hat[k] <- 1 }
          else {
            d[k] <- round(n.hat[k] * (1 - (S[k] / KM.hat[last])))
            KM.hat[k] <- KM.hat[last] * (1 - (d[k] / n.hat[k]))
          }
          n.hat[k + 1] <- n.hat[k] - d[k] - cen[k]
          if (d[k] != 0) last <- k
        }
        n.censor[i] <- n.censor[i] + (n.hat[lower[i + 1]] - n.risk[i + 1])
      }
      if (n.hat[lower[i + 1]] < n.risk[i + 1]) n.risk[i + 1] <- n.hat[lower[i + 1]]
      last.i[i + 1] <- last
    }
  }
  if (nint > 1) {
    n.censor[nint] <- min(round(sum(n.censor[1:(nint - 1)]) * (t.S[upper[nint]] - t.S[lower[nint]]) /
                                  (t.S[upper[nint - 1]] - t.S[lower[1]])), n.risk[nint])
  }
  if (nint == 1) n.censor[nint] <- 0
  spread_last <- function() {
    if (n.censor[nint] <= 0) {
      if (upper[nint] > lower[nint]) cen[lower[nint]:(upper[nint] - 1)] <<- 0
      n.censor[nint] <<- 0
    }
    if (n.censor[nint] > 0) {
      cen.t <- t.S[lower[nint]] + (1:n.censor[nint]) * (t.S[upper[nint]] - t.S[lower[nint]]) / (n.censor[nint] + 1)
      cen[lower[nint]:(upper[nint] - 1)] <<- hist(cen.t, breaks = t.S[lower[nint]:upper[nint]], plot = FALSE)$counts
    }
  }
  spread_last()
  n.hat[lower[nint]] <- n.risk[nint]
  last <- last.i[nint]
  for (k in lower[nint]:upper[nint]) {
    if (KM.hat[last] != 0) d[k] <- round(n.hat[k] * (1 - (S[k] / KM.hat[last]))) else d[k] <- 0
    KM.hat[k] <- KM.hat[last] * (1 - (d[k] / n.hat[k]))
    n.hat[k + 1] <- n.hat[k] - d[k] - cen[k]
    if (n.hat[k + 1] < 0) { n.hat[k + 1] <- 0; cen[k] <- n.hat[k] - d[k] }
    if (d[k] != 0) last <- k
  }
  if (!is.na(tot.events)) {
    if (nint > 1) {
      sumdL <- sum(d[1:upper[nint - 1]])
      if (sumdL >= tot.events) {
        d[lower[nint]:upper[nint]] <- 0
        if (upper[nint] > lower[nint]) cen[lower[nint]:(upper[nint] - 1)] <- 0
        n.hat[(lower[nint] + 1):(upper[nint] + 1)] <- n.risk[nint]
      }
    }
    if ((sumdL < tot.events) || (nint == 1)) {
      sumd <- sum(d[1:upper[nint]])
      while ((sumd > tot.events) || ((sumd < tot.events) && (n.censor[nint] > 0))) {
        n.censor[nint] <- n.censor[nint] + (sumd - tot.events)
        spread_last()
        n.hat[lower[nint]] <- n.risk[nint]
        last <- last.i[nint]
        for (k in lower[nint]:upper[nint]) {
          d[k] <- round(n.hat[k] * (1 - (S[k] / KM.hat[last])))
          KM.hat[k] <- KM.hat[last] * (1 - (d[k] / n.hat[k]))
          if (k != upper[nint]) {
            n.hat[k + 1] <- n.hat[k] - d[k] - cen[k]
            if (n.hat[k + 1] < 0) { n.hat[k + 1] <- 0; cen[k] <- n.hat[k] - d[k] }
          }
          if (d[k] != 0) last <- k
        }
        sumd <- sum(d[1:upper[nint]])
      }
    }
  }
  n0 <- n.risk[1]
  t.IPD <- rep(t.S[npoints], n0); event.IPD <- rep(0, n0)
  k <- 1
  for (j in 1:npoints) if (d[j] != 0) { t.IPD[k:(k + d[j] - 1)] <- t.S[j]; event.IPD[k:(k + d[j] - 1)] <- 1; k <- k + d[j] }
  for (j in seq_len(npoints - 1)) if (cen[j] != 0) { t.IPD[k:(k + cen[j] - 1)] <- (t.S[j] + t.S[j + 1]) / 2; k <- k + cen[j] }
  list(time = t.IPD, event = event.IPD, d = d, cen = cen)
}

fits <- function(ipd1, ipd2) {
  time <- c(ipd1$time, ipd2$time); status <- c(ipd1$event, ipd2$event)
  arm <- factor(rep(c("arm2", "arm1"), c(length(ipd1$time), length(ipd2$time))), levels = c("arm2", "arm1"))
  # arm1 = the second curve; coxph coef = arm1 vs arm2
  cx <- coxph(Surv(time, status) ~ arm, control = coxph.control(eps = 1e-12, toler.chol = 1e-15, iter.max = 100))
  sd <- survdiff(Surv(time, status) ~ arm)
  km <- summary(survfit(Surv(time, status) ~ arm, conf.type = "log-log"))$table
  list(coxLogHr = unname(coef(cx)), coxSe = unname(sqrt(vcov(cx)[1, 1])), chisq = sd$chisq,
       median = unname(km[, "median"]), medianLower = unname(km[, "0.95LCL"]), medianUpper = unname(km[, "0.95UCL"]))
}

digitise <- function(time, status, round_to = NA, risk_times) {
  fit <- survfit(Surv(time, status) ~ 1)
  ev <- fit$n.event > 0
  s <- fit$surv[ev]
  if (!is.na(round_to)) s <- round(s, round_to)
  list(time = c(0, fit$time[ev]), survival = c(1, s), riskTime = risk_times,
       nRisk = sapply(risk_times, function(t) sum(time >= t)), events = sum(status))
}

cases <- list()
# 1. The bundled veteran-lung km-curve.csv, as a user would give it (3-decimal digitisation)
curve <- read.csv("datasets/veteran-lung/km-curve.csv")
vet <- survival::veteran
truth_vet <- fits(list(time = vet$time[vet$trt == 1], event = vet$status[vet$trt == 1]),
                  list(time = vet$time[vet$trt == 2], event = vet$status[vet$trt == 2]))
arm_input <- function(a, events) {
  pts <- curve[curve$arm == a & !is.na(curve$survival), ]
  risk <- curve[curve$arm == a & !is.na(curve$n_risk), ]
  list(time = pts$time, survival = pts$survival, riskTime = risk$time, nRisk = risk$n_risk, events = events)
}
for (with_events in c(TRUE, FALSE)) {
  inputs <- list(arm_input("standard", if (with_events) 64 else NA), arm_input("test", if (with_events) 64 else NA))
  ipd <- lapply(inputs, function(x) guyot(x$time, x$survival, x$riskTime, x$nRisk, x$events))
  cases[[length(cases) + 1]] <- list(name = paste0("veteran-lung km-curve.csv", if (with_events) ", total events 64 per arm" else ", no event totals"),
                                     inputs = inputs, ipd = ipd, fits = fits(ipd[[1]], ipd[[2]]), truth = truth_vet)
}
# 2. Round trips: IPD simulated from a known HR, digitised exactly and to 3 decimals
set.seed(2012)
for (spec in list(list(n = 150, hr = 0.65, round = NA), list(n = 150, hr = 0.65, round = 3),
                  list(n = 400, hr = 1.3, round = 3), list(n = 80, hr = 0.8, round = 3))) {
  arm <- rep(0:1, each = spec$n)
  t <- rweibull(2 * spec$n, shape = 1.3, scale = 12) / ifelse(arm == 1, spec$hr^(1 / 1.3), 1)
  cens <- runif(2 * spec$n, 6, 30)
  time <- round(pmin(t, cens), 2); status <- as.integer(t <= cens)
  risk_times <- seq(0, 30, by = 5)
  inputs <- list(digitise(time[arm == 0], status[arm == 0], spec$round, risk_times),
                 digitise(time[arm == 1], status[arm == 1], spec$round, risk_times))
  ipd <- lapply(inputs, function(x) guyot(x$time, x$survival, x$riskTime, x$nRisk, x$events))
  truth <- fits(list(time = time[arm == 0], event = status[arm == 0]), list(time = time[arm == 1], event = status[arm == 1]))
  cases[[length(cases) + 1]] <- list(name = sprintf("simulated Weibull, n = %d per arm, HR %.2f, %s", spec$n, spec$hr,
                                                    if (is.na(spec$round)) "exact digitisation" else "3-decimal digitisation"),
                                     inputs = inputs, ipd = ipd, fits = fits(ipd[[1]], ipd[[2]]), truth = truth)
}
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = NA, na = "null"), "test/reference/fixtures/guyot.json")
cat("wrote test/reference/fixtures/guyot.json\n")
