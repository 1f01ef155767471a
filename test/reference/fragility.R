# Reference values for the fragility index (src/stats/binary/fragility-index.ts).
# Run from the repo root: Rscript --vanilla test/reference/fragility.R
# Writes test/reference/fixtures/fragility.json. Needs jsonlite only.
#
# An independent brute-force loop over R's fisher.test (and chisq.test for the chi-square
# option): every single-arm change of k = 1, 2, ... patients' event status is tried, in the order
# the definition gives (Walsh et al. 2014: the arm with fewer events gains events), until the
# two-sided p crosses alpha.
suppressPackageStartupMessages(library(jsonlite))
p_of <- function(e1, n1, e2, n2, test) {
  m <- matrix(c(e1, n1 - e1, e2, n2 - e2), 2, byrow = TRUE)
  if (test == "fisher") fisher.test(m)$p.value else suppressWarnings(chisq.test(m, correct = FALSE)$p.value)
}
fi_ref <- function(e1, n1, e2, n2, alpha = 0.05, test = "fisher", modify = "walsh") {
  p0 <- p_of(e1, n1, e2, n2, test); sig <- p0 < alpha
  fewer <- if (e1 <= e2) 1 else 2; more <- 3 - fewer
  moves <- if (modify == "any") list(c(fewer, if (sig) 1 else -1), c(more, if (sig) -1 else 1), c(fewer, if (sig) -1 else 1), c(more, if (sig) 1 else -1))
    else if (sig) list(c(fewer, 1)) else list(c(fewer, -1), c(more, 1))
  for (k in 1:max(n1, n2)) {
    for (m in moves) {
      a <- e1; b <- e2
      if (m[1] == 1) a <- a + m[2] * k else b <- b + m[2] * k
      if (a < 0 || a > n1 || b < 0 || b > n2) next
      p <- p_of(a, n1, b, n2, test)
      if ((sig && p >= alpha) || (!sig && p < alpha))
        return(list(events1 = e1, n1 = n1, events2 = e2, n2 = n2, alpha = alpha, test = test, modify = modify,
          p = p0, significant = sig, index = k, arm = m[1], change = m[2], pModified = p))
    }
  }
  list(events1 = e1, n1 = n1, events2 = e2, n2 = n2, alpha = alpha, test = test, modify = modify, p = p0, significant = sig, index = NULL)
}
cases <- list(
  fi_ref(1, 100, 9, 100), fi_ref(15, 40, 6, 40), fi_ref(3, 50, 12, 50), fi_ref(30, 200, 60, 200),
  fi_ref(120, 1000, 170, 1000), fi_ref(5, 20, 15, 20), fi_ref(0, 30, 8, 30), fi_ref(10, 100, 12, 100),
  fi_ref(4, 50, 9, 50), fi_ref(10, 100, 12, 100, modify = "any"), fi_ref(30, 200, 60, 200, modify = "any"),
  fi_ref(30, 200, 60, 200, test = "chisq"), fi_ref(3, 50, 12, 50, alpha = 0.01), fi_ref(12, 50, 3, 50),
  fi_ref(0, 5, 0, 5), fi_ref(100, 1000, 200, 1000), fi_ref(500, 4000, 700, 4000))
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = NA, null = "null", pretty = FALSE), "test/reference/fixtures/fragility.json")
cat("wrote test/reference/fixtures/fragility.json\n")
