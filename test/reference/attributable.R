# Reference for src/stats/binary/attributable-fractions.ts: epiR::epi.2by2 (method
# "cohort.count"): AFRisk.strata.wald, PARisk.strata.wald, PARisk.strata.piri,
# PAFRisk.strata.wald. Run from the repo root: Rscript --vanilla test/reference/attributable.R
# Writes test/reference/fixtures/attributable.json. epiR reports PAR per `units` (100): divided here.
suppressMessages(library(epiR))
library(jsonlite)
set.seed(17)
tables <- list(c(30, 204, 21, 205), c(8, 106, 5, 120), c(36, 40, 16, 80), c(5, 56, 1, 29), c(450, 1000, 300, 1200))
for (i in 1:60) {
  n1 <- sample(2:300, 1); n2 <- sample(2:300, 1)
  tables[[length(tables) + 1]] <- c(sample(1:(n1 - 1), 1), n1, sample(1:(n2 - 1), 1), n2)
}
rows <- list()
for (tb in tables) for (l in c(0.9, 0.95, 0.99)) {
  dat <- as.table(matrix(c(tb[1], tb[3], tb[2] - tb[1], tb[4] - tb[3]), 2))
  m <- suppressWarnings(epi.2by2(dat, method = "cohort.count", conf.level = l))$massoc.detail
  v <- function(df, s = 1) as.numeric(unlist(df[1, c("est", "lower", "upper")])) / s
  rows[[length(rows) + 1]] <- list(table = tb, level = l, afExposed = v(m$AFRisk.strata.wald),
    parWald = v(m$PARisk.strata.wald, 100), parPirikahu = v(m$PARisk.strata.piri, 100), paf = v(m$PAFRisk.strata.wald))
}
write_json(list(generated = paste("R", getRversion(), "epiR", as.character(packageVersion("epiR"))), rows = rows),
           "test/reference/fixtures/attributable.json", digits = NA, auto_unbox = TRUE)
cat("wrote test/reference/fixtures/attributable.json\n")
