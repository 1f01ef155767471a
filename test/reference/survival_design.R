# Reference for src/stats/survival/survival-design.ts (run from the repo root:
#   Rscript --vanilla test/reference/survival_design.R)
# Writes test/reference/fixtures/survival_design.json from rpact's getSampleSizeSurvival and
# getPowerSurvival (fixed designs: events, patients, power, follow-up).
suppressPackageStartupMessages({
  library(jsonlite)
  library(rpact)
})
grid <- list(
  list(hr = 0.7, alpha = 0.025, sided = 1, beta = 0.2, r = 1, method = "Schoenfeld", lambda2 = log(2) / 12, a = 24, f = 12, d1 = 0, d2 = 0, dt = 12),
  list(hr = 0.7, alpha = 0.025, sided = 1, beta = 0.2, r = 2, method = "Freedman", lambda2 = log(2) / 12, a = 24, f = 12, d1 = 0.1, d2 = 0.1, dt = 12),
  list(hr = 1.5, alpha = 0.05, sided = 2, beta = 0.1, r = 1, method = "Schoenfeld", lambda2 = log(2) / 10, a = 12, f = 6, d1 = 0, d2 = 0, dt = 12),
  list(hr = 0.6, alpha = 0.05, sided = 2, beta = 0.2, r = 0.5, method = "Schoenfeld", lambda2 = 0.03, a = 18, f = 24, d1 = 0.05, d2 = 0.15, dt = 12),
  list(hr = 0.8, alpha = 0.025, sided = 1, beta = 0.1, r = 3, method = "Freedman", lambda2 = 0.1, a = 6, f = 3, d1 = 0.2, d2 = 0, dt = 6)
)
sampleSize <- lapply(grid, function(g) {
  x <- getSampleSizeSurvival(alpha = g$alpha, sided = g$sided, beta = g$beta, hazardRatio = g$hr, lambda2 = g$lambda2,
                             accrualTime = c(0, g$a), followUpTime = g$f, allocationRatioPlanned = g$r,
                             typeOfComputation = g$method, dropoutRate1 = g$d1, dropoutRate2 = g$d2, dropoutTime = g$dt)
  c(g, list(events = x$eventsFixed, n = x$nFixed, n1 = x$nFixed1, n2 = x$nFixed2))
})
power <- lapply(list(
  list(hr = 0.7, alpha = 0.025, sided = 1, r = 1, method = "Schoenfeld", lambda2 = log(2) / 12, a = 24, events = 250, n = 400),
  list(hr = 0.75, alpha = 0.05, sided = 2, r = 2, method = "Freedman", lambda2 = 0.05, a = 12, events = 300, n = 600),
  list(hr = 1.3, alpha = 0.025, sided = 1, r = 1, method = "Schoenfeld", lambda2 = 0.02, a = 24, events = 180, n = 500)
), function(g) {
  p <- getPowerSurvival(alpha = g$alpha, sided = g$sided, hazardRatio = g$hr, lambda2 = g$lambda2, accrualTime = c(0, g$a),
                        maxNumberOfEvents = g$events, maxNumberOfSubjects = g$n, allocationRatioPlanned = g$r,
                        typeOfComputation = g$method, directionUpper = g$hr > 1)
  c(g, list(power = p$overallReject, followUp = p$followUpTime))
})
writeLines(toJSON(list(sampleSize = sampleSize, power = power), auto_unbox = TRUE, digits = NA), "test/reference/fixtures/survival_design.json")
cat("wrote test/reference/fixtures/survival_design.json\n")
