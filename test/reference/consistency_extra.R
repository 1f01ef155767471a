# Reference values for DEBIT and SPRITE (src/stats/check/debit.ts, sprite.ts), computed
# from data vectors rather than formulas: DEBIT enumerates every 0/1 vector with k ones
# and takes R's mean() and sd(); SPRITE's question (does any integer sample on
# [min, max] have this mean and SD?) is answered by enumerating every multiset of n
# scores. Rounding: a printed value with d decimals stands for [v - 0.5e-d, v + 0.5e-d].
# Run from the repository root: Rscript --vanilla test/reference/consistency_extra.R
library(jsonlite)

decimals <- function(text) if (grepl(".", text, fixed = TRUE)) nchar(sub("^[^.]*\\.", "", text)) else 0
prints_as <- function(x, text) abs(x - as.numeric(text)) <= 0.5 * 10^(-decimals(text)) + 1e-12

debit_cases <- list(
  list(mean = "0.35", sd = "0.48", n = 20), list(mean = "0.35", sd = "0.49", n = 20),
  list(mean = "0.35", sd = "0.50", n = 20), list(mean = "0.45", sd = "0.51", n = 22),
  list(mean = "0.45", sd = "0.50", n = 22), list(mean = "0.27", sd = "0.46", n = 22),
  list(mean = "0.5", sd = "0.5", n = 10), list(mean = "0.12", sd = "0.33", n = 50),
  list(mean = "0.12", sd = "0.40", n = 50), list(mean = "0.81", sd = "0.39", n = 37),
  list(mean = "0.00", sd = "0.00", n = 15), list(mean = "0.733", sd = "0.458", n = 15)
)
debit_out <- lapply(debit_cases, function(c) {
  matches <- c()
  mean_counts <- c()
  for (k in 0:c$n) {
    x <- c(rep(1, k), rep(0, c$n - k))
    if (!prints_as(mean(x), c$mean)) next
    mean_counts <- c(mean_counts, k)
    if (prints_as(sd(x), c$sd) || prints_as(sqrt(mean((x - mean(x))^2)), c$sd)) matches <- c(matches, k)
  }
  c$consistent <- length(matches) > 0
  c$matches <- I(if (is.null(matches)) integer(0) else matches)
  c$meanCounts <- I(if (is.null(mean_counts)) integer(0) else mean_counts)
  c
})

# Every multiset of n values on lo..hi, as a matrix of rows (non-decreasing sequences).
multisets <- function(n, lo, hi) {
  if (n == 0) return(matrix(integer(0), nrow = 1, ncol = 0))
  out <- list()
  for (first in lo:hi) {
    rest <- multisets(n - 1, first, hi)
    out[[length(out) + 1]] <- cbind(first, rest)
  }
  do.call(rbind, out)
}
sprite_cases <- list(
  list(mean = "2.65", sd = "1.24", n = 8, min = 1, max = 5),
  list(mean = "3.00", sd = "2.00", n = 8, min = 1, max = 5),
  list(mean = "3.00", sd = "2.20", n = 8, min = 1, max = 5),
  list(mean = "3.1", sd = "0.1", n = 10, min = 1, max = 5),
  list(mean = "3.1", sd = "0.3", n = 10, min = 1, max = 5),
  list(mean = "4.50", sd = "1.90", n = 10, min = 1, max = 7),
  list(mean = "4.50", sd = "0.53", n = 10, min = 1, max = 7),
  list(mean = "1.83", sd = "0.75", n = 6, min = 1, max = 5),
  list(mean = "5.19", sd = "1.60", n = 12, min = 1, max = 7),
  list(mean = "5.25", sd = "1.60", n = 12, min = 1, max = 7),
  list(mean = "2.00", sd = "1.41", n = 9, min = 0, max = 4),
  list(mean = "6.00", sd = "0.80", n = 7, min = 1, max = 7)
)
sprite_out <- lapply(sprite_cases, function(c) {
  all <- multisets(c$n, c$min, c$max)
  means <- rowMeans(all)
  sds <- apply(all, 1, sd)
  ok <- vapply(seq_len(nrow(all)), function(i) prints_as(means[i], c$mean) && prints_as(sds[i], c$sd), logical(1))
  c$exists <- any(ok)
  c$count <- sum(ok)
  c
})

write_json(list(debit = debit_out, sprite = sprite_out), "test/reference/fixtures/consistency_extra.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
