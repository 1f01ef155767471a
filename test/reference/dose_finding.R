# Reference values for mTPI-2, i3+3 and the CRM (src/stats/design/mtpi2.ts, i3plus3.ts, crm.ts).
# Run from the repo root: Rscript --vanilla test/reference/dose_finding.R
# Writes test/reference/fixtures/dose_finding.json. Needs jsonlite only.
#
# There is no dfcrm (nor an mTPI-2 / i3+3 package) on this machine, so the references are written
# here from the papers' definitions, sharing nothing with the TypeScript:
# - mTPI-2 (Guo et al. 2017): unit probability masses with R's pbeta over the equal-width intervals;
# - i3+3 (Liu, Wang & Ji 2020): the rule on y/n and (y - 1)/n;
# - exact operating characteristics by recursion over every sequence of cohort outcomes (no merging
#   of states, unlike the state enumeration under test), MTD by the max-min isotonic formula;
# - CRM posterior moments with R's integrate() over beta on (-Inf, Inf) (adaptive Gauss-Kronrod;
#   the code under test uses a fixed trapezoid grid), the skeleton of dfcrm::getprior re-derived
#   with uniroot on the definition of the indifference intervals.
suppressPackageStartupMessages({ library(jsonlite) })
num <- function(x) I(as.numeric(x))

ei_default <- function(pT) round(c(pT - 0.05, pT + 0.05), 10)
du <- function(y, n, pT) n >= 3 && pbeta(pT, y + 1, n - y + 1, lower.tail = FALSE) > 0.95
mtpi2_intervals <- function(ei) {
  w <- ei[2] - ei[1]; lows <- c(); hi <- ei[1]
  while (hi > 1e-9) { lows <- rbind(c(max(0, hi - w), hi), lows); hi <- hi - w }
  highs <- c(); lo <- ei[2]
  while (lo < 1 - 1e-9) { highs <- rbind(highs, c(lo, min(1, lo + w))); lo <- lo + w }
  list(iv = rbind(lows, ei, highs), ei = nrow(lows) + 1)
}
mtpi2 <- function(pT, ei, maxN) {
  I <- mtpi2_intervals(ei)
  lapply(1:maxN, function(n) sapply(0:n, function(y) {
    if (du(y, n, pT)) return("DU")
    upm <- (pbeta(I$iv[, 2], 1 + y, 1 + n - y) - pbeta(I$iv[, 1], 1 + y, 1 + n - y)) / (I$iv[, 2] - I$iv[, 1])
    k <- which.max(upm)
    if (k < I$ei) "E" else if (k > I$ei) "D" else "S"
  }))
}
i3 <- function(pT, ei, maxN) lapply(1:maxN, function(n) sapply(0:n, function(y) {
  if (du(y, n, pT)) "DU" else if (y / n < ei[1]) "E" else if (y / n <= ei[2]) "S" else if ((y - 1) / n < ei[1]) "S" else "D"
}))
tables <- list()
for (pT in c(0.2, 0.25, 0.3)) {
  tables[[length(tables) + 1]] <- list(design = "mtpi2", target = pT, ei = num(ei_default(pT)), decisions = mtpi2(pT, ei_default(pT), 18))
  tables[[length(tables) + 1]] <- list(design = "i3plus3", target = pT, ei = num(ei_default(pT)), decisions = i3(pT, ei_default(pT), 18))
}
tables[[length(tables) + 1]] <- list(design = "mtpi2", target = 0.25, ei = num(c(0.2, 0.3)), decisions = mtpi2(0.25, c(0.2, 0.3), 12))
tables[[length(tables) + 1]] <- list(design = "mtpi2", target = 1/6, ei = num(c(0.1, 0.22)), decisions = mtpi2(1/6, c(0.1, 0.22), 12))
tables[[length(tables) + 1]] <- list(design = "i3plus3", target = 0.25, ei = num(c(0.2, 0.3)), decisions = i3(0.25, c(0.2, 0.3), 12))

iso_maxmin <- function(v, w) sapply(seq_along(v), function(i) max(sapply(1:i, function(s) min(sapply(i:length(v), function(t) sum(v[s:t] * w[s:t]) / sum(w[s:t]))))))
select_mtd <- function(y, n, target, elim) {
  if (elim == 1 || n[1] == 0) return(0)
  adm <- which(n > 0 & seq_along(n) < elim)
  ph <- (y[adm] + 0.05) / (n[adm] + 0.1)
  v <- (y[adm] + 0.05) * (n[adm] - y[adm] + 0.05) / ((n[adm] + 0.1)^2 * (n[adm] + 1.1))
  iso <- iso_maxmin(ph, 1 / v) + seq_along(adm) * 1e-10
  adm[which.min(abs(iso - target))]
}
exact_oc <- function(tab, dlt, target, cs, cohorts) {
  J <- length(dlt); res <- list(sel = numeric(J + 1), n = numeric(J))
  rec <- function(c, d, n, y, elim, prob) {
    if (c > cohorts) { s <- select_mtd(y, n, target, elim); res$sel[s + 1] <<- res$sel[s + 1] + prob; res$n <<- res$n + prob * n; return(invisible()) }
    for (k in 0:cs) {
      pk <- dbinom(k, cs, dlt[d]); if (pk == 0) next
      n2 <- n; y2 <- y; n2[d] <- n2[d] + cs; y2[d] <- y2[d] + k
      dec <- tab[[n2[d]]][y2[d] + 1]; e2 <- elim; d2 <- d
      if (dec == "DU") { e2 <- min(elim, d); if (d == 1) { res$sel[1] <<- res$sel[1] + prob * pk; res$n <<- res$n + prob * pk * n2; next } }
      if (dec == "E" && d < J && d + 1 < e2) d2 <- d + 1
      else if (dec %in% c("D", "DU") && d > 1) d2 <- d - 1
      rec(c + 1, d2, n2, y2, e2, prob * pk)
    }
  }
  rec(1, 1, numeric(J), numeric(J), J + 1, 1)
  list(pNone = res$sel[1], pSelect = num(res$sel[-1]), expectedNPerDose = num(res$n))
}
oc <- list()
for (d in c("mtpi2", "i3plus3")) {
  tab <- if (d == "mtpi2") mtpi2(0.3, ei_default(0.3), 18) else i3(0.3, ei_default(0.3), 18)
  for (sc in list(c(0.1, 0.3, 0.5), c(0.05, 0.15, 0.3), c(0.3, 0.45, 0.6))) {
    oc[[length(oc) + 1]] <- c(list(design = d, dlt = num(sc), target = 0.3, cohortSize = 3, cohorts = 5), exact_oc(tab, sc, 0.3, 3, 5))
  }
}

# CRM posterior by integrate().
crm_p <- function(model, s, a0 = 3) if (model == "empiric") function(b) s^exp(b) else function(b) plogis(a0 + exp(b) * (qlogis(s) - a0))
crm_post <- function(model, skel, target, n, y, sd = sqrt(1.34)) {
  lik <- function(b) sapply(b, function(bb) prod(sapply(seq_along(skel), function(j) { p <- crm_p(model, skel[j])(bb); p^y[j] * (1 - p)^(n[j] - y[j]) })) * dnorm(bb, 0, sd))
  ig <- function(f) integrate(f, -Inf, Inf, rel.tol = 1e-12, abs.tol = 0, subdivisions = 1000L)$value
  den <- ig(lik); m <- ig(function(b) b * lik(b)) / den; m2 <- ig(function(b) b^2 * lik(b)) / den
  pm <- sapply(seq_along(skel), function(j) ig(function(b) crm_p(model, skel[j])(b) * lik(b)) / den)
  over <- sapply(seq_along(skel), function(j) {
    # p_j(b) > target for b below the crossing (p_j decreases in b)
    bc <- uniroot(function(b) crm_p(model, skel[j])(b) - target, c(-30, 30), tol = 1e-13)$root
    integrate(lik, -Inf, bc, rel.tol = 1e-12, abs.tol = 0)$value / den
  })
  ptox <- sapply(skel, function(s) crm_p(model, s)(m))
  list(model = model, skeleton = num(skel), target = target, n = num(n), y = num(y), betaMean = m, betaSd = sqrt(m2 - m^2),
    ptox = num(ptox), ptoxMean = num(pm), pOverTarget = num(over), recommended = which.min(abs(ptox - target)) - 1)
}
skel <- c(0.05, 0.12, 0.25, 0.4, 0.55)
crm <- list(
  crm_post("empiric", skel, 0.25, c(3, 3, 3, 0, 0), c(0, 0, 1, 0, 0)),
  crm_post("empiric", skel, 0.25, c(3, 6, 9, 3, 0), c(0, 1, 2, 2, 0)),
  crm_post("empiric", skel, 0.25, c(3, 0, 0, 0, 0), c(3, 0, 0, 0, 0)),
  crm_post("empiric", c(0.1, 0.2, 0.3, 0.4), 0.3, c(6, 12, 9, 0), c(0, 2, 4, 0)),
  crm_post("logistic", skel, 0.25, c(3, 3, 3, 0, 0), c(0, 0, 1, 0, 0)),
  crm_post("logistic", skel, 0.25, c(3, 6, 9, 3, 0), c(0, 1, 2, 2, 0)))

# dfcrm::getprior's skeleton from its definition: for adjacent doses k, k+1 there is one beta at
# which p_k = target - delta and p_{k+1} = target + delta; solve for s_{k+1} (s_{k-1}) with uniroot.
getprior_ref <- function(delta, target, nu, levels, model = "empiric") {
  s <- numeric(levels); s[nu] <- target
  pf <- function(sk, b) crm_p(model, sk)(b)
  for (k in seq_len(levels - nu) + nu - 1) {
    b <- uniroot(function(b) pf(s[k], b) - (target - delta), c(-30, 30), tol = 1e-14)$root
    s[k + 1] <- uniroot(function(x) pf(x, b) - (target + delta), c(1e-12, 1 - 1e-12), tol = 1e-14)$root
  }
  for (k in rev(seq_len(nu - 1) + 1)) {
    b <- uniroot(function(b) pf(s[k], b) - (target + delta), c(-30, 30), tol = 1e-14)$root
    s[k - 1] <- uniroot(function(x) pf(x, b) - (target - delta), c(1e-12, 1 - 1e-12), tol = 1e-14)$root
  }
  list(halfWidth = delta, target = target, priorMtd = nu, levels = levels, model = model, skeleton = num(s))
}
skeletons <- list(getprior_ref(0.05, 0.25, 3, 5), getprior_ref(0.04, 0.2, 2, 6), getprior_ref(0.05, 0.3, 4, 4),
  getprior_ref(0.05, 0.25, 3, 5, "logistic"), getprior_ref(0.06, 0.3, 1, 5, "logistic"))

out <- list(tables = tables, oc = oc, crm = crm, skeletons = skeletons)
dir.create("test/reference/fixtures", showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE), "test/reference/fixtures/dose_finding.json")
cat("wrote test/reference/fixtures/dose_finding.json\n")
