# Reference p-values for src/stats/proportion/proportion-test.ts: R's one-sample prop.test
# (correct = TRUE / FALSE; two-sided, less, greater). Run from the repo root:
#   Rscript --vanilla test/reference/proportion_test.R   -> test/reference/fixtures/proportion_test.json
library(jsonlite)
grid <- expand.grid(x = c(0, 1, 3, 9, 15, 22), n = c(22, 40), p0 = c(0.05, 0.3, 0.5, 0.9))
grid <- rbind(grid, data.frame(x = c(5000, 49990, 12), n = c(1e4, 1e5, 12), p0 = c(0.49, 0.5, 0.7)))
grid <- grid[grid$x <= grid$n, ]
cases <- lapply(seq_len(nrow(grid)), function(i) {
  x <- grid$x[i]; n <- grid$n[i]; p0 <- grid$p0[i]
  r <- list(x = x, n = n, p0 = p0)
  for (cc in c(TRUE, FALSE)) for (alt in c("two.sided", "less", "greater")) {
    t <- suppressWarnings(prop.test(x, n, p0, alternative = alt, correct = cc))
    r[[paste0(if (cc) "cc_" else "plain_", alt)]] <- list(statistic = unname(t$statistic), p = t$p.value)
  }
  r
})
writeLines(toJSON(list(generated = paste("R", getRversion()), cases = cases), auto_unbox = TRUE, digits = NA),
           "test/reference/fixtures/proportion_test.json")
