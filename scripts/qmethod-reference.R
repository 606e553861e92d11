# Generates the reference fixtures in lib/qmethod/fixtures/ with the qmethod R package
# (version 1.8.4), so the TypeScript engine can be tested against it without R.
#
#   Rscript scripts/qmethod-reference.R [OUT_DIR]
#
# Needs psych, GPArotation and jsonlite, and qmethod itself: either installed
# (library(qmethod)) or, when QMETHOD_R_SRC names a directory holding qmethod's R/ sources
# (qmethod.R, centroid.R, qflag.R, qzscores.R, qfcharact.R, qdc.R), sourced from there.
# This script only calls qmethod's functions; it contains none of their code.

suppressMessages({
  library(psych)
  library(GPArotation)
  library(jsonlite)
})
src <- Sys.getenv("QMETHOD_R_SRC")
if (nzchar(src)) {
  for (f in c("centroid.R", "qflag.R", "qfcharact.R", "qzscores.R", "qdc.R", "qmethod.R")) {
    source(file.path(src, f))
  }
} else {
  suppressMessages(library(qmethod))
}
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "lib/qmethod/fixtures"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

# A forced grid as the ascending vector of its values.
grid_of <- function(values, counts) rep(values, counts)
seed_grid <- grid_of(-5:5, c(1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1))

# Sorts driven by a few latent viewpoints plus noise, cast onto the grid. `neg` is the share of
# sorts that mirror their viewpoint (negative loadings).
simulate <- function(n_views, m, grid, noise, neg = 0, seed = 1) {
  set.seed(seed)
  n <- length(grid)
  views <- matrix(rnorm(n * n_views), n, n_views)
  which_view <- sample(n_views, m, replace = TRUE)
  signs <- ifelse(runif(m) < neg, -1, 1)
  x <- sapply(seq_len(m), function(j) {
    s <- signs[j] * views[, which_view[j]] + noise * rnorm(n)
    sort(grid)[rank(s, ties.method = "first")]
  })
  colnames(x) <- sprintf("s%02d", seq_len(m))
  rownames(x) <- sprintf("st%02d", seq_len(n))
  x
}

# Moves `value` onto the given statements in every sort (swapping cells), creating exact ties.
force_value <- function(x, rows, value) {
  for (j in seq_len(ncol(x))) for (r in rows) if (x[r, j] != value) {
    t <- setdiff(which(x[, j] == value), rows)[1]
    x[c(r, t), j] <- x[c(t, r), j]
  }
  x
}

num <- function(m) unname(as.matrix(m))
sig_pairs <- function(res, k, ok) {
  if (k < 2 || !is.data.frame(res$qdc)) return(list())
  out <- list()
  for (a in 1:(k - 1)) for (b in (a + 1):k) if (ok[a] && ok[b]) {
    col <- paste0("sig_f", a, "_f", b)
    out[[paste0("f", a, "_f", b)]] <- as.character(res$qdc[[col]])
  }
  out
}

# One result in the CLI's JSON layout, plus what the web app shows (labels, correlations).
as_expected <- function(x, k, loa, flagged, zsc, zsc_n, f_char, qdc_res) {
  ok <- apply(zsc, 2, function(z) all(is.finite(z)))
  chars <- f_char$characteristics
  res <- list(qdc = qdc_res)
  sig <- sig_pairs(res, k, ok)
  consensus <- character(0)
  if (length(sig) > 0) {
    marks <- do.call(cbind, sig)
    consensus <- rownames(x)[apply(marks, 1, function(r) all(r == ""))]
  }
  labels <- NULL
  if (k > 1 && all(ok)) labels <- as.character(qdc_res$dist.and.cons)
  zs <- num(zsc)
  zs[, !ok] <- NA
  arr <- num(zsc_n)
  arr[, !ok] <- NA
  se <- chars$se_fscores
  se[!ok] <- NA
  # I() keeps one-element vectors as JSON arrays (k = 1, a single consensus statement).
  list(
    statements = I(rownames(x)), sorts = I(colnames(x)),
    loadings = num(loa), flagged = num(flagged), zscores = zs, factorArrays = arr,
    eigenvalues = I(chars$eigenvals), explainedVariance = I(chars$expl_var),
    reliability = I(chars$reliability), standardError = I(se),
    significance = lapply(sig, I), consensus = I(consensus),
    flaggedCount = I(chars$nload), qdcLabels = if (is.null(labels)) NULL else I(labels),
    factorCorrelations = num(f_char$cor_zsc)
  )
}

run_case <- function(x, k, extraction, rotation, distribution = NULL) {
  forced <- is.null(distribution)
  # centroid() loops forever when a residual column sums to exactly 0 (e.g. a second factor
  # from two sorts); the time limit turns that into a recorded error.
  setTimeLimit(elapsed = 20, transient = TRUE)
  on.exit(setTimeLimit(elapsed = Inf))
  r <- tryCatch(
    suppressWarnings(qmethod(x, nfactors = k, extraction = extraction, rotation = rotation,
      forced = forced, distribution = distribution, silent = TRUE)),
    error = function(e) e
  )
  setTimeLimit(elapsed = Inf)
  cfg <- list(factors = k, extraction = tolower(extraction), rotation = rotation)
  if (inherits(r, "error")) return(c(cfg, list(error = conditionMessage(r))))
  c(cfg, list(expected = as_expected(x, k, r$loa, r$flagged, r$zsc, r$zsc_n, r$f_char, r$qdc)))
}

# Manual flags: qmethod's documented route is qzscores() then qdc() on given loadings.
run_manual <- function(x, k, extraction, rotation, flags) {
  r <- suppressWarnings(qmethod(x, nfactors = k, extraction = extraction, rotation = rotation, silent = TRUE))
  z <- suppressWarnings(qzscores(x, k, loa = r$loa, flagged = flags))
  q <- if (k > 1) suppressWarnings(qdc(x, k, zsc = z$zsc, sed = z$f_char$sd_dif)) else NULL
  list(factors = k, extraction = tolower(extraction), rotation = rotation, flags = num(flags),
    expected = as_expected(x, k, z$loa, flags, z$zsc, z$zsc_n, z$f_char, q))
}

write_case <- function(name, x, ks, distribution = NULL, manual = list()) {
  csv <- data.frame(statement = rownames(x), x, check.names = FALSE)
  write.csv(csv, file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  cases <- list()
  for (k in ks) for (e in c("PCA", "centroid")) for (rot in c("varimax", "none")) {
    cases[[length(cases) + 1]] <- run_case(x, k, e, rot, distribution)
  }
  for (m in manual) cases[[length(cases) + 1]] <- do.call(run_manual, c(list(x = x), m))
  doc <- list(dataset = paste0(name, ".csv"), distribution = distribution, cases = cases)
  writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = FALSE),
    file.path(out, paste0(name, ".expected.json")))
  cat(name, ":", length(cases), "cases\n")
}

# The seed's study size: 36 statements, 25 sorts, forced grid -5..+5.
seed_study <- simulate(4, 25, seed_grid, noise = 0.9, neg = 0.1, seed = 3)
write_case("seed-36x25", seed_study, 1:7, manual = list(
  list(k = 4, extraction = "centroid", rotation = "varimax",
    flags = matrix(rep(c(TRUE, FALSE, FALSE, FALSE, FALSE), length.out = 100), 25, 4))
))

# Small hand-sized set: 8 statements, 5 sorts.
small <- simulate(2, 5, grid_of(-2:2, c(1, 2, 2, 2, 1)), noise = 0.7, seed = 12)
write_case("small-8x5", small, 1:5)
# Another draw where two statements' z-scores are equal in exact arithmetic and R orders them
# by rounding: the engine must round as R does (long-double sums in cor, colSums, rowSums).
write_case("small-near-tie-8x5", simulate(2, 5, grid_of(-2:2, c(1, 2, 2, 2, 1)), noise = 0.7, seed = 11), 1:5)

# Four statements, many repeated and mirrored sorts: exact ties in the centroid's reflections.
# (R's centroid() hangs on some such sets: those cases are recorded as errors.)
for (seed in 6:8) {
  write_case(sprintf("tiny-repeats-%d-4x14", seed), simulate(2, 14, grid_of(-1:1, c(1, 2, 1)), noise = 0.8, seed = seed), 1:3)
}

# Two sorts only, positively and negatively related. One factor: with two sorts the second
# principal component sums to 0, so its sign is LAPACK's arbitrary choice, and centroid()
# never finishes a second factor (its residual is all zeros).
two_pos <- simulate(1, 2, grid_of(-2:2, c(1, 2, 4, 2, 1)), noise = 0.5, seed = 5)
write_case("two-sorts-positive", two_pos, 1)
two_neg <- two_pos
two_neg[, 2] <- -two_neg[, 2]
write_case("two-sorts-negative", two_neg, 1)

# Pure noise: few flags, so factors without flagged sorts appear.
noise <- simulate(8, 12, grid_of(-3:3, c(2, 3, 4, 5, 4, 3, 2)), noise = 3, seed = 21)
write_case("noise-23x12", noise, 1:6)

# Mirrored viewpoints: many negative loadings.
mirror <- simulate(2, 18, grid_of(-4:4, c(2, 2, 3, 4, 4, 4, 3, 2, 2)), noise = 0.8, neg = 0.45, seed = 8)
write_case("mirror-26x18", mirror, 1:5)

# Exact ties in z-scores: statements sharing a value in every sort (groups of 3, 2 and 4).
ties <- simulate(3, 15, seed_grid, noise = 0.8, seed = 13)
ties <- force_value(ties, 1:3, 0)
ties <- force_value(ties, 4:5, 1)
ties <- force_value(ties, 6:9, -1)
write_case("ties-36x15", ties, 1:5)

# Larger: 60 statements, 40 sorts, up to 7 factors.
big_grid <- grid_of(-6:6, c(2, 2, 3, 4, 5, 6, 6, 6, 5, 4, 3, 2, 2))
big <- simulate(5, 40, big_grid, noise = 1.1, neg = 0.05, seed = 34)
write_case("large-56x40", big, c(1, 2, 3, 5, 7))

# Not forced: Likert-like scores, distribution given separately.
set.seed(55)
likert <- matrix(sample(-3:3, 20 * 9, replace = TRUE), 20, 9)
colnames(likert) <- sprintf("p%d", 1:9)
rownames(likert) <- sprintf("q%02d", 1:20)
write_case("unforced-20x9", likert, 1:3, distribution = sort(rep(-3:3, length.out = 20)))

# A spread of random sizes and factor counts.
for (i in 1:8) {
  set.seed(100 + i)
  n_vals <- sample(3:6, 1)
  counts <- c(seq_len(n_vals), rev(seq_len(n_vals - 1)))
  g <- grid_of(seq_along(counts) - n_vals, counts)
  m <- sample(c(6, 10, 16, 24, 33), 1)
  x <- simulate(sample(2:5, 1), m, g, noise = runif(1, 0.5, 2), neg = runif(1, 0, 0.3), seed = 200 + i)
  write_case(sprintf("random-%02d-%dx%d", i, length(g), m), x, 1:min(6, m))
}
