# Reference values for Simon's admissible two-stage designs (src/stats/design/simon-two-stage.ts).
# Run from the repo root: Rscript --vanilla test/reference/simon_admissible.R
# Writes test/reference/fixtures/simon_admissible.json. Needs jsonlite only.
#
# Independent of the pruned search under test: for every n from the minimax to the optimal n, an
# exhaustive loop over n1, r1, r (pbinom) keeps the feasible design of smallest EN0; a design is
# admissible (Jung et al. 2004, Stat Med 23:561) when it minimises q*n + (1 - q)*EN0 for some q,
# found here by scanning q on a grid of 20001 points (not the convex hull the code builds).
suppressPackageStartupMessages(library(jsonlite))
best_at_n <- function(n, p0, p1, alpha, power) {
  best <- NULL
  for (n1 in 1:(n - 1)) for (r1 in 0:(n1 - 1)) {
    x1 <- (r1 + 1):n1
    rej <- function(r, p) sum(dbinom(x1, n1, p) * pbinom(r - x1, n - n1, p, lower.tail = FALSE))
    r <- NA
    for (rr in r1:(n - 1)) if (rej(rr, p0) <= alpha) { r <- rr; break }
    if (is.na(r) || rej(r, p1) < power) next
    pet0 <- pbinom(r1, n1, p0); en0 <- n1 + (1 - pet0) * (n - n1)
    if (is.null(best) || en0 < best$en0 - 1e-12) best <- list(r1 = r1, n1 = n1, r = r, n = n, en0 = en0)
  }
  best
}
admissible <- function(p0, p1, alpha, power, nLo, nHi) {
  cands <- Filter(Negate(is.null), lapply(nLo:nHi, best_at_n, p0 = p0, p1 = p1, alpha = alpha, power = power))
  q <- seq(0, 1, length.out = 20001)
  win <- sapply(q, function(qq) which.min(sapply(cands, function(d) qq * d$n + (1 - qq) * d$en0)))
  idx <- sort(unique(win), decreasing = FALSE)
  lapply(idx, function(i) c(cands[[i]], list(qMin = min(q[win == i]), qMax = max(q[win == i]))))
}
cases <- list(
  list(p0 = 0.1, p1 = 0.3, alpha = 0.05, power = 0.8, designs = admissible(0.1, 0.3, 0.05, 0.8, 25, 29)),
  list(p0 = 0.2, p1 = 0.4, alpha = 0.05, power = 0.8, designs = admissible(0.2, 0.4, 0.05, 0.8, 33, 43)),
  list(p0 = 0.05, p1 = 0.25, alpha = 0.05, power = 0.8, designs = admissible(0.05, 0.25, 0.05, 0.8, 16, 17)),
  list(p0 = 0.3, p1 = 0.5, alpha = 0.05, power = 0.9, designs = admissible(0.3, 0.5, 0.05, 0.9, 53, 63)))
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = NA, pretty = FALSE), "test/reference/fixtures/simon_admissible.json")
cat("wrote test/reference/fixtures/simon_admissible.json\n")
