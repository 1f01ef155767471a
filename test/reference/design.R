# Reference values for src/stats/design (power and sample size).
# Run from the repo root: Rscript --vanilla test/reference/design.R
# Writes test/reference/fixtures/design.json. Needs jsonlite and pwr.
suppressPackageStartupMessages({ library(jsonlite); library(pwr) })
tol <- 1e-12  # tighter than R's default uniroot tolerance so solved values are exact to ~1e-10

# --- power.t.test: two-sample, solving for power, n and delta ---------------------
tt <- list()
for (alt in c("two.sided", "one.sided")) for (strict in c(FALSE, TRUE)) {
  for (n in c(2, 5, 20, 137.5)) for (delta in c(0.3, 1, 2.5)) for (sd in c(1, 1.7)) for (a in c(0.05, 0.01)) {
    r <- power.t.test(n = n, delta = delta, sd = sd, sig.level = a, alternative = alt, strict = strict)
    tt[[length(tt) + 1]] <- list(solve = "power", n = n, delta = delta, sd = sd, alpha = a,
      sided = if (alt == "two.sided") 2 else 1, strict = strict, power = r$power)
  }
  for (pw in c(0.5, 0.8, 0.9, 0.99)) for (delta in c(0.2, 1, 3)) for (sd in c(1, 2.2)) for (a in c(0.05, 0.001)) {
    r <- power.t.test(power = pw, delta = delta, sd = sd, sig.level = a, alternative = alt, strict = strict, tol = tol)
    tt[[length(tt) + 1]] <- list(solve = "n", power = pw, delta = delta, sd = sd, alpha = a,
      sided = if (alt == "two.sided") 2 else 1, strict = strict, n = r$n)
  }
  for (pw in c(0.8, 0.95)) for (n in c(4, 30, 400)) for (sd in c(1, 3)) {
    r <- power.t.test(power = pw, n = n, sd = sd, sig.level = 0.05, alternative = alt, strict = strict, tol = tol)
    tt[[length(tt) + 1]] <- list(solve = "delta", power = pw, n = n, sd = sd, alpha = 0.05,
      sided = if (alt == "two.sided") 2 else 1, strict = strict, delta = r$delta)
  }
}

# --- unequal allocation: pwr.t2n.test (n2 = ratio * n1), d = delta / sd -------------
t2n <- list()
for (n1 in c(10, 33)) for (ratio in c(0.5, 2, 3)) for (d in c(0.3, 0.8)) for (alt in c("two.sided", "greater")) {
  r <- pwr.t2n.test(n1 = n1, n2 = ratio * n1, d = d, sig.level = 0.05, alternative = alt)
  t2n[[length(t2n) + 1]] <- list(n1 = n1, ratio = ratio, d = d, sided = if (alt == "two.sided") 2 else 1, power = r$power)
}

# --- power.prop.test --------------------------------------------------------------
pp <- list()
for (alt in c("two.sided", "one.sided")) for (strict in c(FALSE, TRUE)) {
  for (n in c(10, 50, 333)) for (pr in list(c(0.5, 0.75), c(0.1, 0.2), c(0.02, 0.01))) for (a in c(0.05, 0.01)) {
    r <- power.prop.test(n = n, p1 = pr[1], p2 = pr[2], sig.level = a, alternative = alt, strict = strict)
    pp[[length(pp) + 1]] <- list(solve = "power", n = n, p1 = pr[1], p2 = pr[2], alpha = a,
      sided = if (alt == "two.sided") 2 else 1, strict = strict, power = r$power)
  }
  for (pw in c(0.8, 0.9)) for (pr in list(c(0.5, 0.75), c(0.1, 0.2), c(0.3, 0.25), c(0.02, 0.01))) for (a in c(0.05, 0.01)) {
    r <- power.prop.test(power = pw, p1 = pr[1], p2 = pr[2], sig.level = a, alternative = alt, strict = strict, tol = tol)
    pp[[length(pp) + 1]] <- list(solve = "n", power = pw, p1 = pr[1], p2 = pr[2], alpha = a,
      sided = if (alt == "two.sided") 2 else 1, strict = strict, n = r$n)
  }
  for (pw in c(0.8, 0.9)) for (n in c(50, 400)) for (p1 in c(0.1, 0.5)) {
    r <- power.prop.test(power = pw, n = n, p1 = p1, sig.level = 0.05, alternative = alt, strict = strict, tol = tol)
    pp[[length(pp) + 1]] <- list(solve = "p2", power = pw, n = n, p1 = p1, alpha = 0.05,
      sided = if (alt == "two.sided") 2 else 1, strict = strict, p2 = r$p2)
  }
}

# --- pwr.2p.test / pwr.2p2n.test (Cohen's h) -------------------------------------------
# pwr's "greater" with h > 0 is the one-sided test in the direction of the effect.
h2p <- list()
for (alt in c("two.sided", "greater")) {
  for (pr in list(c(0.75, 0.5), c(0.2, 0.1), c(0.65, 0.45))) {
    h <- ES.h(pr[1], pr[2])
    for (n in c(20, 100)) {
      r <- pwr.2p.test(h = h, n = n, sig.level = 0.05, alternative = alt)
      h2p[[length(h2p) + 1]] <- list(solve = "power", p1 = pr[1], p2 = pr[2], h = h, n = n, sided = if (alt == "two.sided") 2 else 1, power = r$power)
    }
    for (pw in c(0.8, 0.9)) {
      # pwr solves n with uniroot's default tolerance (~1e-4): keep its answer, and also the
      # root of pwr's own power function solved to 1e-12, which the tests compare at 1e-6.
      r <- pwr.2p.test(h = h, power = pw, sig.level = 0.05, alternative = alt)
      tight <- uniroot(function(n) pwr.2p.test(h = h, n = n, sig.level = 0.05, alternative = alt)$power - pw,
        c(2 + 1e-10, 1e9), tol = tol)$root
      h2p[[length(h2p) + 1]] <- list(solve = "n", p1 = pr[1], p2 = pr[2], h = h, power = pw, sided = if (alt == "two.sided") 2 else 1, n = tight, nPwr = r$n)
    }
    for (n1 in c(30, 80)) for (ratio in c(0.5, 2)) {
      r <- pwr.2p2n.test(h = h, n1 = n1, n2 = ratio * n1, sig.level = 0.05, alternative = alt)
      h2p[[length(h2p) + 1]] <- list(solve = "power2n", p1 = pr[1], p2 = pr[2], h = h, n1 = n1, ratio = ratio, sided = if (alt == "two.sided") 2 else 1, power = r$power)
    }
  }
}

# --- Exact power of Fisher's exact test by enumeration over both binomial outcomes -----
fisherPower <- function(n1, n2, p1, p2, alpha, alternative) {
  total <- 0
  for (x1 in 0:n1) for (x2 in 0:n2) {
    p <- fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2), alternative = alternative)$p.value
    if (p <= alpha) total <- total + dbinom(x1, n1, p1) * dbinom(x2, n2, p2)
  }
  total
}
chisqPower <- function(n1, n2, p1, p2, alpha, correct) {
  total <- 0
  for (x1 in 0:n1) for (x2 in 0:n2) {
    p <- suppressWarnings(chisq.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2), correct = correct)$p.value)
    if (!is.nan(p) && p <= alpha) total <- total + dbinom(x1, n1, p1) * dbinom(x2, n2, p2)
  }
  total
}
cp <- list()
for (cfg in list(c(10, 10, 0.1, 0.6), c(20, 25, 0.2, 0.5), c(4, 3, 0.1, 0.9))) for (correct in c(TRUE, FALSE)) {
  cp[[length(cp) + 1]] <- list(n1 = cfg[1], n2 = cfg[2], p1 = cfg[3], p2 = cfg[4], alpha = 0.05, correct = correct,
    power = chisqPower(cfg[1], cfg[2], cfg[3], cfg[4], 0.05, correct))
}
fp <- list()
for (cfg in list(c(10, 10, 0.1, 0.6), c(20, 20, 0.2, 0.5), c(15, 25, 0.5, 0.1), c(3, 4, 0.1, 0.9), c(30, 30, 0.3, 0.3))) {
  for (alt in c("two.sided", "greater")) {
    fp[[length(fp) + 1]] <- list(n1 = cfg[1], n2 = cfg[2], p1 = cfg[3], p2 = cfg[4], alpha = 0.05,
      sided = if (alt == "two.sided") 2 else 1, power = fisherPower(cfg[1], cfg[2], cfg[3], cfg[4], 0.05, alt))
  }
}

# --- Exact one-sample binomial test vs p0 (upper alternative): saw-tooth ----------------
# Reject when X >= k with k the smallest count whose P[X >= k | p0] <= alpha.
bn <- list()
for (cfg in list(c(0.2, 0.4), c(0.5, 0.7), c(0.05, 0.2))) for (n in c(10:30, 57, 100)) {
  p0 <- cfg[1]; p1 <- cfg[2]
  k <- qbinom(0.05, n, p0, lower.tail = FALSE) + 1  # smallest k with P[X >= k] <= alpha
  bn[[length(bn) + 1]] <- list(n = n, p0 = p0, p1 = p1, alpha = 0.05, critical = k,
    actualAlpha = pbinom(k - 1, n, p0, lower.tail = FALSE), power = pbinom(k - 1, n, p1, lower.tail = FALSE))
}

# --- Non-inferiority and equivalence (TOST) for means: noncentral t, df = n1 + n2 - 2 -------
# Chow, Shao & Wang (2008) sections 3.2.2-3.2.3 with the t distribution in place of z.
ni <- list()
for (cfg in list(c(20, 1, 0, 0.5, 0.05), c(100, 1, 0, 0.5, 0.05), c(200, 2, 0.2, 0.8, 0.025), c(35, 1.5, -0.1, 0.6, 0.05), c(80, 1.5, -0.1, 0.6, 0.05))) {
  n <- cfg[1]; sd <- cfg[2]; delta <- cfg[3]; margin <- cfg[4]; a <- cfg[5]
  se <- sd * sqrt(2 / n); df <- 2 * n - 2; tc <- qt(1 - a, df)
  niPower <- pt(tc, df, ncp = (delta + margin) / se, lower.tail = FALSE)
  tostPower <- max(0, pt(-tc, df, ncp = (delta - margin) / se) - pt(tc, df, ncp = (delta + margin) / se))
  ni[[length(ni) + 1]] <- list(n = n, sd = sd, delta = delta, margin = margin, alpha = a,
    nonInferiorityPower = niPower, equivalencePower = tostPower)
}

# --- Simon two-stage: characteristics of given designs, and an independent brute-force search --
simonChar <- function(r1, n1, r, n, p) {
  x1 <- if (r1 + 1 <= n1) (r1 + 1):n1 else integer(0)
  list(reject = sum(dbinom(x1, n1, p) * pbinom(r - x1, n - n1, p, lower.tail = FALSE)), pet = pbinom(r1, n1, p))
}
simonRows <- list()
for (d in list(c(0.1, 0.3, 1, 10, 5, 29), c(0.1, 0.3, 1, 15, 5, 25), c(0.2, 0.4, 3, 13, 12, 43), c(0.2, 0.4, 4, 18, 10, 33),
               c(0.05, 0.25, 0, 9, 2, 17), c(0.05, 0.25, 0, 12, 2, 16), c(0.3, 0.5, 5, 15, 18, 46), c(0.3, 0.5, 6, 19, 16, 39))) {
  c0 <- simonChar(d[3], d[4], d[5], d[6], d[1]); c1 <- simonChar(d[3], d[4], d[5], d[6], d[2])
  simonRows[[length(simonRows) + 1]] <- list(p0 = d[1], p1 = d[2], r1 = d[3], n1 = d[4], r = d[5], n = d[6],
    alpha = c0$reject, power = c1$reject, pet0 = c0$pet, en0 = d[4] + (1 - c0$pet) * (d[6] - d[4]))
}
simonSearch <- function(p0, p1, alpha, power, nmax) {
  best <- NULL; mm <- NULL
  for (n in 2:nmax) for (n1 in 1:(n - 1)) for (r1 in 0:(n1 - 1)) for (r in r1:(n - 1)) {
    a <- simonChar(r1, n1, r, n, p0)$reject
    if (a > alpha) next
    pw <- simonChar(r1, n1, r, n, p1)$reject
    if (pw < power) break  # power only falls as r grows
    pet <- pbinom(r1, n1, p0); en <- n1 + (1 - pet) * (n - n1)
    d <- list(r1 = r1, n1 = n1, r = r, n = n, en0 = en, pet0 = pet)
    if (is.null(best) || en < best$en0 - 1e-12) best <- d
    if (is.null(mm) || n < mm$n || (n == mm$n && en < mm$en0 - 1e-12)) mm <- d
    break  # the smallest r meeting alpha is the best for this (n, n1, r1)
  }
  list(p0 = p0, p1 = p1, alpha = alpha, power = power, nMax = nmax, optimal = best, minimax = mm)
}
simonSearched <- list(simonSearch(0.1, 0.3, 0.05, 0.8, 35), simonSearch(0.05, 0.25, 0.1, 0.9, 30))

# --- Non-inferiority and equivalence for proportions: normal approximation (Chow, Shao & Wang
# 2008, sections 4.2.2-4.2.3), unpooled SE, difference d = p1 - p2 -----------------------------
nip <- list()
for (cfg in list(c(100, 0.8, 0.8, 0.1, 0.025), c(400, 0.8, 0.8, 0.1, 0.025), c(1000, 0.65, 0.7, 0.1, 0.05), c(60, 0.3, 0.25, 0.15, 0.05))) {
  n <- cfg[1]; p1 <- cfg[2]; p2 <- cfg[3]; margin <- cfg[4]; a <- cfg[5]
  se <- sqrt(p1 * (1 - p1) / n + p2 * (1 - p2) / n); z <- qnorm(1 - a); d <- p1 - p2
  nip[[length(nip) + 1]] <- list(n = n, p1 = p1, p2 = p2, margin = margin, alpha = a,
    nonInferiorityPower = pnorm((d + margin) / se - z),
    equivalencePower = max(0, pnorm((margin - d) / se - z) + pnorm((margin + d) / se - z) - 1))
}

out <- list(
  powerTTest = tt, pwrT2n = t2n, powerPropTest = pp, pwr2p = h2p, fisherPower = fp, chisqPower = cp,
  binomialExact = bn, marginsMeans = ni, marginsProps = nip, simonDesigns = simonRows, simonSearch = simonSearched,
  meta = list(R = R.version.string, pwr = as.character(packageVersion("pwr")))
)
write_json(out, "test/reference/fixtures/design.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
