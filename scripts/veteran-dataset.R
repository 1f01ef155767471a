# Writes datasets/veteran-lung/*.csv from survival::veteran (Kalbfleisch & Prentice 1980):
#   Rscript --vanilla scripts/veteran-dataset.R   (from the repo root)
# - patient-level.csv: the 137 patients as shipped in R's survival package.
# - km-curve.csv: a digitised-style Kaplan–Meier curve of each arm — S(t) read off the KM
#   estimate at each of its step points and rounded to 3 decimals, as a digitiser would give
#   it, plus the number-at-risk table at 0, 100, …, 900 days, as printed under a plot.
# - arm-time-to-event.csv: n, deaths, KM median with its 95% log-log (Brookmeyer–Crowley)
#   interval, and KM survival at 180 and 365 days, all derived from the patient-level data.
suppressPackageStartupMessages(library(survival))
vet <- survival::veteran
arm <- ifelse(vet$trt == 1, "standard", "test")
trial <- "VA lung cancer"
outcome <- "overall survival"
dir <- "datasets/veteran-lung"
pl <- data.frame(trial = trial, outcome = outcome, arm = arm, patient = seq_len(nrow(vet)),
                 stratum = as.character(vet$celltype), time = vet$time, event = vet$status,
                 unit = "days", source = "kalbfleisch-prentice-1980")
write.csv(pl, file.path(dir, "patient-level.csv"), row.names = FALSE, quote = FALSE)

at_risk_times <- seq(0, 900, by = 100)
curve <- do.call(rbind, lapply(c("standard", "test"), function(a) {
  fit <- survfit(Surv(time, status) ~ 1, data = vet[arm == a, ])
  ev <- fit$n.event > 0
  pts <- data.frame(time = c(0, fit$time[ev]), survival = c(1, round(fit$surv[ev], 3)), n_risk = NA)
  risk <- data.frame(time = at_risk_times, survival = NA,
                     n_risk = sapply(at_risk_times, function(t) sum(vet$time[arm == a] >= t)))
  both <- merge(pts, risk, by = "time", all = TRUE)
  data.frame(trial = trial, outcome = outcome, arm = a, time = both$time,
             survival = ifelse(is.na(both$survival.x), NA, both$survival.x),
             n_risk = both$n_risk.y, unit = "days", source = "kalbfleisch-prentice-1980",
             derived = ifelse(is.na(both$survival.x), "n_risk:at-risk-from-ipd",
                        ifelse(is.na(both$n_risk.y), "survival:km-digitised", "survival:km-digitised;n_risk:at-risk-from-ipd")))
}))
curve <- curve[order(curve$arm, curve$time), ]
write.csv(curve, file.path(dir, "km-curve.csv"), row.names = FALSE, quote = FALSE, na = "")

tte <- do.call(rbind, lapply(c("standard", "test"), function(a) {
  d <- vet[arm == a, ]
  fit <- survfit(Surv(time, status) ~ 1, data = d, conf.type = "log-log")
  tab <- summary(fit)$table
  s <- summary(fit, times = c(180, 365))
  rbind(
    data.frame(trial = trial, outcome = outcome, arm = a, n = nrow(d), events = sum(d$status), unit = "days",
               median = tab[["median"]], median_ci_lower = tab[["0.95LCL"]], median_ci_upper = tab[["0.95UCL"]],
               time = NA, survival_percent = NA, survival_ci_lower = NA, survival_ci_upper = NA, ci_level = 0.95,
               source = "kalbfleisch-prentice-1980", derived = "median:km-from-ipd;median_ci_lower:km-from-ipd;median_ci_upper:km-from-ipd"),
    data.frame(trial = trial, outcome = outcome, arm = a, n = nrow(d), events = sum(d$status), unit = "days",
               median = NA, median_ci_lower = NA, median_ci_upper = NA, time = s$time,
               survival_percent = round(100 * s$surv, 1), survival_ci_lower = round(100 * s$lower, 1),
               survival_ci_upper = round(100 * s$upper, 1), ci_level = 0.95,
               source = "kalbfleisch-prentice-1980", derived = "survival_percent:km-from-ipd;survival_ci_lower:km-from-ipd;survival_ci_upper:km-from-ipd"))
}))
write.csv(tte, file.path(dir, "arm-time-to-event.csv"), row.names = FALSE, quote = FALSE, na = "")
cat("wrote", dir, "\n")
