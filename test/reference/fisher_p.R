# Reference p-values of Fisher's exact test from R's fisher.test, for fisherExactP (the p-value
# alone): every table with n1, n2 <= 10 (three alternatives) and large tables up to 1e5 per arm.
# Run from the repo root: Rscript --vanilla test/reference/fisher_p.R
library(jsonlite)
small <- list()
for (n1 in 1:10) for (n2 in 1:10) for (x1 in 0:n1) for (x2 in 0:n2) {
  m <- matrix(c(x1, n1 - x1, x2, n2 - x2), 2)
  small[[length(small) + 1]] <- c(x1, n1, x2, n2,
    fisher.test(m)$p.value,
    fisher.test(m, alternative = "less")$p.value,
    fisher.test(m, alternative = "greater")$p.value)
}
large_cases <- list(c(45000, 100000, 45500, 100000), c(100, 100000, 150, 100000),
  c(0, 100000, 12, 100000), c(5000, 20000, 5600, 30000), c(3, 50000, 0, 50000),
  c(49000, 100000, 50000, 100000), c(250, 1000, 330, 1200))
large <- lapply(large_cases, function(v) {
  m <- matrix(c(v[1], v[2] - v[1], v[3], v[4] - v[3]), 2)
  c(v, fisher.test(m)$p.value, fisher.test(m, alternative = "less")$p.value,
    fisher.test(m, alternative = "greater")$p.value)
})
out <- list(
  source = paste("R", R.version$major, R.version$minor, "stats::fisher.test"),
  columns = c("x1", "n1", "x2", "n2", "two_sided", "less", "greater"),
  small = small, large = large)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), "test/reference/fixtures/fisher_p.json")
