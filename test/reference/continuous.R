# Reference values for src/stats/continuous (run from the repo root:
#   Rscript --vanilla test/reference/continuous.R)
# Writes test/reference/fixtures/continuous.json. Non-finite numbers are written as
# the strings "Inf" / "-Inf" and decoded by the tests.
suppressPackageStartupMessages({
  library(jsonlite)
  library(metafor)
})

enc <- function(x) {
  if (is.numeric(x) && length(x) == 1 && !is.finite(x)) {
    if (is.nan(x)) return("NaN")
    return(if (x > 0) "Inf" else "-Inf")
  }
  x
}

# --- Two-sample t from summary statistics, with R's t.test arithmetic ------------
# (stats:::t.test.default after the sample means/variances are computed).
t_summary <- function(n1, m1, sd1, n2, m2, sd2, var.equal, level, alternative) {
  v1 <- sd1^2; v2 <- sd2^2
  if (var.equal) {
    df <- n1 + n2 - 2
    v <- 0
    if (n1 > 1) v <- v + (n1 - 1) * v1
    v <- v + (n2 - 1) * v2
    v <- v / df
    stderr <- sqrt(v * (1 / n1 + 1 / n2))
  } else {
    stderrx <- sqrt(v1 / n1)
    stderry <- sqrt(v2 / n2)
    stderr <- sqrt(stderrx^2 + stderry^2)
    df <- stderr^4 / (stderrx^4 / (n1 - 1) + stderry^4 / (n2 - 1))
  }
  est <- m1 - m2
  tstat <- est / stderr
  if (alternative == "less") {
    pval <- pt(tstat, df)
    cint <- c(-Inf, tstat + qt(level, df))
  } else if (alternative == "greater") {
    pval <- pt(tstat, df, lower.tail = FALSE)
    cint <- c(tstat - qt(level, df), Inf)
  } else {
    pval <- 2 * pt(-abs(tstat), df)
    alpha <- 1 - level
    cint <- qt(1 - alpha / 2, df)
    cint <- tstat + c(-cint, cint)
  }
  cint <- cint * stderr
  list(estimate = est, se = stderr, df = df, statistic = tstat, p = pval,
       lower = enc(cint[1]), upper = enc(cint[2]))
}

md_inputs <- list(
  # Rapami 6MWD means with an SD of 52 in both arms
  list(n1 = 22, m1 = -4.1, sd1 = 52, n2 = 22, m2 = -38.5, sd2 = 52),
  # MILES FEV1 change (sirolimus vs placebo), NEJM 2011 Table 2
  list(n1 = 41, m1 = 19, sd1 = 124, n2 = 34, m2 = -134, sd2 = 182),
  list(n1 = 5, m1 = 10.2, sd1 = 3.1, n2 = 12, m2 = 7.9, sd2 = 0.8),
  list(n1 = 2, m1 = 1, sd1 = 0.5, n2 = 2, m2 = 3, sd2 = 2.5),
  list(n1 = 3000, m1 = 0.12, sd1 = 1.1, n2 = 2500, m2 = 0.1, sd2 = 0.9),
  list(n1 = 10, m1 = 100, sd1 = 1, n2 = 10, m2 = 50, sd2 = 1)
)
md_cases <- list()
for (inp in md_inputs) {
  for (var.equal in c(FALSE, TRUE)) {
    for (level in c(0.95, 0.9, 0.99)) {
      for (alternative in c("two.sided", "less", "greater")) {
        r <- t_summary(inp$n1, inp$m1, inp$sd1, inp$n2, inp$m2, inp$sd2, var.equal, level, alternative)
        md_cases[[length(md_cases) + 1]] <- c(inp, list(
          variance = if (var.equal) "equal" else "unequal",
          level = level,
          alternative = if (alternative == "two.sided") "two-sided" else alternative
        ), r)
      }
    }
  }
}

# Cross-check on raw data: t.test itself, and the summary statistics of the sample.
set.seed(20261122)
raw_cases <- list()
raw_specs <- list(
  list(n1 = 8, mu1 = 5, s1 = 2, n2 = 11, mu2 = 3, s2 = 4, var.equal = FALSE, level = 0.95, alternative = "two.sided"),
  list(n1 = 15, mu1 = 0, s1 = 1, n2 = 15, mu2 = 0.4, s2 = 1, var.equal = TRUE, level = 0.9, alternative = "two.sided"),
  list(n1 = 30, mu1 = 10, s1 = 3, n2 = 20, mu2 = 12, s2 = 5, var.equal = FALSE, level = 0.95, alternative = "less"),
  list(n1 = 6, mu1 = 1, s1 = 1, n2 = 9, mu2 = 0, s2 = 2, var.equal = TRUE, level = 0.99, alternative = "greater")
)
for (s in raw_specs) {
  x <- rnorm(s$n1, s$mu1, s$s1)
  y <- rnorm(s$n2, s$mu2, s$s2)
  tt <- t.test(x, y, var.equal = s$var.equal, conf.level = s$level, alternative = s$alternative)
  raw_cases[[length(raw_cases) + 1]] <- list(
    n1 = s$n1, m1 = mean(x), sd1 = sd(x), n2 = s$n2, m2 = mean(y), sd2 = sd(y),
    variance = if (s$var.equal) "equal" else "unequal", level = s$level,
    alternative = if (s$alternative == "two.sided") "two-sided" else s$alternative,
    estimate = unname(tt$estimate[1] - tt$estimate[2]), se = unname(tt$stderr),
    df = unname(tt$parameter), statistic = unname(tt$statistic), p = tt$p.value,
    lower = enc(tt$conf.int[1]), upper = enc(tt$conf.int[2])
  )
}

# --- Standardised mean differences and ratio of means (metafor::escalc) ----------
es_inputs <- c(md_inputs, list(
  list(n1 = 41, m1 = 431, sd1 = 104, n2 = 34, m2 = 418, sd2 = 107)
))
smd_cases <- list()
for (inp in es_inputs) {
  for (level in c(0.95, 0.9)) {
    z <- qnorm(1 - (1 - level) / 2)
    hedges <- escalc("SMD", m1i = inp$m1, sd1i = inp$sd1, n1i = inp$n1, m2i = inp$m2, sd2i = inp$sd2, n2i = inp$n2)
    glass <- escalc("SMD1", m1i = inp$m1, sd1i = inp$sd1, n1i = inp$n1, m2i = inp$m2, sd2i = inp$sd2, n2i = inp$n2)
    # Cohen's d: no small-sample correction, same large-sample variance form as escalc "LS".
    sp <- sqrt(((inp$n1 - 1) * inp$sd1^2 + (inp$n2 - 1) * inp$sd2^2) / (inp$n1 + inp$n2 - 2))
    d <- (inp$m1 - inp$m2) / sp
    vd <- 1 / inp$n1 + 1 / inp$n2 + d^2 / (2 * (inp$n1 + inp$n2))
    # Glass's delta uncorrected (standardised by arm 2's SD), variance as escalc "SMD1" form.
    gd <- (inp$m1 - inp$m2) / inp$sd2
    vgd <- 1 / inp$n1 + 1 / inp$n2 + gd^2 / (2 * inp$n2)
    j <- exp(lgamma((inp$n1 + inp$n2 - 2) / 2) - log(sqrt((inp$n1 + inp$n2 - 2) / 2)) - lgamma((inp$n1 + inp$n2 - 3) / 2))
    mk <- function(y, v) list(estimate = y, se = sqrt(v), vi = v, lower = y - z * sqrt(v), upper = y + z * sqrt(v))
    smd_cases[[length(smd_cases) + 1]] <- c(inp, list(
      level = level, j = j,
      hedges = mk(hedges$yi[1], hedges$vi[1]),
      cohen = mk(d, vd),
      glassCorrected = mk(glass$yi[1], glass$vi[1]),
      glass = mk(gd, vgd)
    ))
  }
}

rom_cases <- list()
for (inp in list(
  list(n1 = 22, m1 = 300, sd1 = 52, n2 = 22, m2 = 280, sd2 = 60),
  list(n1 = 41, m1 = 431, sd1 = 104, n2 = 34, m2 = 418, sd2 = 107),
  list(n1 = 4, m1 = 0.5, sd1 = 0.4, n2 = 7, m2 = 2.5, sd2 = 1.5),
  list(n1 = 1000, m1 = 12.5, sd1 = 3, n2 = 900, m2 = 12.4, sd2 = 3.2)
)) {
  for (level in c(0.95, 0.8)) {
    z <- qnorm(1 - (1 - level) / 2)
    e <- escalc("ROM", m1i = inp$m1, sd1i = inp$sd1, n1i = inp$n1, m2i = inp$m2, sd2i = inp$sd2, n2i = inp$n2)
    rom_cases[[length(rom_cases) + 1]] <- c(inp, list(
      level = level, logEstimate = e$yi[1], vi = e$vi[1], se = sqrt(e$vi[1]),
      estimate = exp(e$yi[1]), lower = exp(e$yi[1] - z * sqrt(e$vi[1])), upper = exp(e$yi[1] + z * sqrt(e$vi[1]))
    ))
  }
}

# escalc("MD") variance is the Welch SE squared.
escalc_md <- lapply(es_inputs, function(inp) {
  e <- escalc("MD", m1i = inp$m1, sd1i = inp$sd1, n1i = inp$n1, m2i = inp$m2, sd2i = inp$sd2, n2i = inp$n2)
  c(inp, list(yi = e$yi[1], vi = e$vi[1]))
})

# --- Derivations ------------------------------------------------------------------
sd_from_se <- lapply(list(c(1.2, 25), c(0.034, 400), c(15, 2)), function(a) list(se = a[1], n = a[2], sd = a[1] * sqrt(a[2])))

sd_from_ci <- list()
for (a in list(c(10.1, 14.3, 30, 0.95), c(-5, -1, 12, 0.9), c(0.2, 0.9, 200, 0.99), c(1, 2, 2, 0.95))) {
  for (dist in c("t", "z")) {
    lower <- a[1]; upper <- a[2]; n <- a[3]; level <- a[4]
    q <- if (dist == "t") qt(1 - (1 - level) / 2, n - 1) else qnorm(1 - (1 - level) / 2)
    se <- (upper - lower) / (2 * q)
    sd_from_ci[[length(sd_from_ci) + 1]] <- list(lower = lower, upper = upper, n = n, level = level,
      distribution = dist, mean = (lower + upper) / 2, se = se, sd = se * sqrt(n))
  }
}

# Median-based estimators. Scenario S1 = {min, median, max}, S2 = {q1, median, q3},
# S3 = all five. Formulas: Wan et al. 2014 (BMC Med Res Methodol 14:135), with the normal
# approximation xi(n), eta(n) for every n; Luo et al. 2018 (Stat Methods Med Res 27:1785);
# Shi et al. 2020 (Res Synth Methods 11:641), eq. 11 (as cited by meta::mean_sd).
xi <- function(n) qnorm((n - 0.375) / (n + 0.25))
eta <- function(n) qnorm((0.75 * n - 0.125) / (n + 0.25))
# Exact expected range of n standard normals (Wan 2014 Table 1 for n <= 50).
expected_range <- function(n) integrate(function(x) 1 - pnorm(x)^n - pnorm(x, lower.tail = FALSE)^n,
                                        -Inf, Inf, rel.tol = 1e-13)$value
# Wan's xi as used for S1/S3: exact for n <= 50, 2 * qnorm(...) above (as meta::mean_sd).
xi_wan <- function(n) if (n <= 50) expected_range(n) else 2 * xi(n)
median_cases <- list()
for (a in list(
  list(n = 30, min = 2, q1 = 7, median = 10, q3 = 14, max = 25),
  list(n = 100, min = 30, q1 = 48, median = 55, q3 = 61, max = 90),
  list(n = 8, min = 1.5, q1 = 2.1, median = 3.4, q3 = 4.4, max = 9.8),
  list(n = 1000, min = -12, q1 = -2, median = 0.5, q3 = 3, max = 11)
)) {
  n <- a$n
  wL1 <- 4 / (4 + n^0.75)
  wL2 <- 0.7 + 0.39 / n
  wL31 <- 2.2 / (2.2 + n^0.75)
  wL32 <- 0.7 - 0.72 / n^0.55
  median_cases[[length(median_cases) + 1]] <- c(a, list(
    s1 = list(meanWan = (a$min + 2 * a$median + a$max) / 4,
              meanLuo = wL1 * (a$min + a$max) / 2 + (1 - wL1) * a$median,
              sdWan = (a$max - a$min) / xi_wan(n)),
    s2 = list(meanWan = (a$q1 + a$median + a$q3) / 3,
              meanLuo = wL2 * (a$q1 + a$q3) / 2 + (1 - wL2) * a$median,
              sdWan = (a$q3 - a$q1) / (2 * eta(n))),
    s3 = list(meanWan = (a$min + 2 * a$q1 + 2 * a$median + 2 * a$q3 + a$max) / 8,
              meanLuo = wL31 * (a$min + a$max) / 2 + wL32 * (a$q1 + a$q3) / 2 + (1 - wL31 - wL32) * a$median,
              sdWan = ((a$max - a$min) / xi_wan(n) + (a$q3 - a$q1) / (2 * eta(n))) / 2,
              sdShi = (a$max - a$min) / ((2 + 0.14 * n^0.6) * xi(n)) + (a$q3 - a$q1) / ((2 + 2 / (0.07 * n^0.6)) * eta(n)))
  ))
}

sd_change <- lapply(list(c(10, 12, 0.5), c(3.2, 4.1, 0), c(52, 60, 0.8), c(5, 5, 1), c(2, 7, -0.3)), function(a)
  list(sdBaseline = a[1], sdFinal = a[2], r = a[3], sd = sqrt(a[1]^2 + a[2]^2 - 2 * a[3] * a[1] * a[2])))

# Cochrane Handbook 6.5.2.3: t from p (two-sided) with n1 + n2 - 2 df, SE = |MD| / t,
# pooled SD = SE / sqrt(1/n1 + 1/n2).
sd_from_p <- lapply(list(c(34.4, 22, 22, 0.035), c(-2.5, 40, 35, 0.2), c(1.1, 5, 6, 0.001), c(10, 300, 310, 1e-12)), function(a) {
  md <- a[1]; n1 <- a[2]; n2 <- a[3]; p <- a[4]
  t <- qt(p / 2, n1 + n2 - 2, lower.tail = FALSE)
  se <- abs(md) / t
  list(md = md, n1 = n1, n2 = n2, p = p, t = t, se = se, sd = se / sqrt(1 / n1 + 1 / n2))
})
sd_from_t <- lapply(list(c(34.4, 22, 22, 2.18), c(-2.5, 40, 35, -1.3)), function(a) {
  md <- a[1]; n1 <- a[2]; n2 <- a[3]; t <- a[4]
  se <- abs(md) / abs(t)
  list(md = md, n1 = n1, n2 = n2, t = t, se = se, sd = se / sqrt(1 / n1 + 1 / n2))
})

# Cochrane Handbook 6.5.2.3: SD from a CI of the mean difference.
sd_from_diff_ci <- list()
for (a in list(c(2.5, 66.3, 22, 22, 0.95), c(-20.4, -12.1, 37, 23, 0.95), c(-20.4, -12.1, 37, 23, 0.9), c(0.1, 0.3, 300, 280, 0.99))) {
  for (dist in c("t", "z")) {
    lower <- a[1]; upper <- a[2]; n1 <- a[3]; n2 <- a[4]; level <- a[5]
    q <- if (dist == "t") qt((1 - level) / 2, n1 + n2 - 2, lower.tail = FALSE) else qnorm((1 - level) / 2, lower.tail = FALSE)
    se <- (upper - lower) / (2 * q)
    sd_from_diff_ci[[length(sd_from_diff_ci) + 1]] <- list(lower = lower, upper = upper, n1 = n1, n2 = n2, level = level,
      distribution = dist, se = se, sd = se / sqrt(1 / n1 + 1 / n2))
  }
}

expected_ranges <- lapply(c(2, 3, 5, 10, 25, 50, 51, 200, 1000), function(n) list(n = n, value = expected_range(n)))

out <- list(
  generated = list(R = R.version.string, metafor = as.character(packageVersion("metafor"))),
  meanDifference = md_cases,
  tTestRaw = raw_cases,
  escalcMd = escalc_md,
  smd = smd_cases,
  rom = rom_cases,
  sdFromSe = sd_from_se,
  sdFromCi = sd_from_ci,
  median = median_cases,
  expectedRange = expected_ranges,
  sdChange = sd_change,
  sdFromP = sd_from_p,
  sdFromT = sd_from_t,
  sdFromDifferenceCi = sd_from_diff_ci
)
dir.create("test/reference/fixtures", showWarnings = FALSE, recursive = TRUE)
write_json(out, "test/reference/fixtures/continuous.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
