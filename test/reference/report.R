# Reference values for the report analyses on the bundled datasets (test/report/analyses.test.ts).
# Run from the repo root: Rscript --vanilla test/reference/report.R
suppressPackageStartupMessages({ library(jsonlite); library(metafor) })

out <- list()

# Rapami, serious adverse events at month 12: sirolimus 10/22 vs placebo 6/22.
sae <- matrix(c(10, 12, 6, 16), nrow = 2, byrow = TRUE)
out$rapami_sae <- list(
  fisher_p = fisher.test(sae)$p.value,
  rr = {
    es <- escalc("RR", ai = 10, n1i = 22, ci = 6, n2i = 22)
    list(estimate = exp(es$yi[1]), lower = exp(es$yi[1] - qnorm(0.975) * sqrt(es$vi[1])), upper = exp(es$yi[1] + qnorm(0.975) * sqrt(es$vi[1])))
  },
  wilson_sirolimus = as.numeric(prop.test(10, 22, correct = FALSE)$conf.int),
  wilson_placebo = as.numeric(prop.test(6, 22, correct = FALSE)$conf.int),
  power = sapply(c(22, 40, 60, 80, 100, 120, 160, 200), function(n) power.prop.test(n = n, p1 = 6 / 22, p2 = 10 / 22)$power),
  n80 = ceiling(power.prop.test(p1 = 6 / 22, p2 = 10 / 22, power = 0.8)$n)
)

# Rapami two-year follow-up: 21/22 continued; 6/8 stopped for adverse events.
out$rapami_followup <- list(
  wilson_21_22 = as.numeric(prop.test(21, 22, correct = FALSE)$conf.int),
  wilson_6_8 = as.numeric(prop.test(6, 8, correct = FALSE)$conf.int)
)

# IBM veterans, diabetes: IBM 362/732 vs no IBM 80/1215 (Woolf OR, Katz RR).
or <- escalc("OR", ai = 362, n1i = 732, ci = 80, n2i = 1215)
rr <- escalc("RR", ai = 362, n1i = 732, ci = 80, n2i = 1215)
ci <- function(es) list(estimate = exp(es$yi[1]), lower = exp(es$yi[1] - qnorm(0.975) * sqrt(es$vi[1])), upper = exp(es$yi[1] + qnorm(0.975) * sqrt(es$vi[1])))
out$ibm_diabetes <- list(or = ci(or), rr = ci(rr))

# Dazukibart CDASI-A 600 mg vs placebo, pooled skin set: -16.3 (-20.4 to -12.1), level not stated.
reading <- function(level) {
  se <- (-12.1 - -20.4) / (2 * qnorm(1 - (1 - level) / 2))
  list(se = se, lower = -16.3 - qnorm(0.975) * se, upper = -16.3 + qnorm(0.975) * se, p = 2 * pnorm(-abs(-16.3 / se)))
}
out$dazukibart_readings <- list(read90 = reading(0.90), read95 = reading(0.95))

# Pooled proportions, metafor rma(measure = "PLO", method = "REML"), back-transformed with transf.ilogit.
pooled <- function(xi, ni) {
  fit <- rma(measure = "PLO", xi = xi, ni = ni, method = "REML")
  pr <- predict(fit, transf = transf.ilogit)
  es <- escalc("PLO", xi = xi, ni = ni)
  # Prediction interval with t(k - 1) (Higgins, Thompson & Spiegelhalter 2009), as the report draws it.
  half <- qt(0.975, fit$k - 1) * sqrt(fit$se^2 + fit$tau2)
  list(estimate = pr$pred, lower = pr$ci.lb, upper = pr$ci.ub,
       pi_lower = transf.ilogit(as.numeric(fit$b) - half), pi_upper = transf.ilogit(as.numeric(fit$b) + half),
       tau2 = fit$tau2, weights = as.numeric(weights(fit)),
       study_lower = transf.ilogit(es$yi - qnorm(0.975) * sqrt(es$vi)), study_upper = transf.ilogit(es$yi + qnorm(0.975) * sqrt(es$vi)))
}
# Jasinski 2017 ITP is not pooled (issue 15): its published 73 % of 12 fits no count; 8/11 is a hypothesis.
out$pooled_sirolimus <- pooled(c(12, 8, 2), c(12, 12, 5))
out$pooled_jaki <- pooled(c(9, 5, 15), c(22, 10, 20))

# Mean differences from summaries. Rapami 6MWD: SD from p = 0.035 (Cochrane), then Welch (equal SDs and n: df 42).
sd_p <- (34.4 / qt(1 - 0.035 / 2, 42)) / sqrt(1 / 22 + 1 / 22)
welch <- function(m1, s1, n1, m2, s2, n2) {
  se <- sqrt(s1^2 / n1 + s2^2 / n2)
  df <- se^4 / ((s1^2 / n1)^2 / (n1 - 1) + (s2^2 / n2)^2 / (n2 - 1))
  md <- m1 - m2
  list(md = md, lower = md - qt(0.975, df) * se, upper = md + qt(0.975, df) * se, p = 2 * pt(-abs(md / se), df), df = df)
}
out$rapami_6mwd <- c(list(sd = sd_p), welch(-4.1, sd_p, 22, -38.5, sd_p, 22),
  list(arm_ci = c(-4.1 - qt(0.975, 21) * sd_p / sqrt(22), -4.1 + qt(0.975, 21) * sd_p / sqrt(22))))
out$miles_6mwd <- welch(24, 59, 41, 26, 51, 34)
out$miles_fev1 <- welch(19, 124, 41, -134, 182, 34)

write_json(out, "test/reference/fixtures/report.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
