"""The shared base: helpers that know no subject (dates, lists, words, the on-disk cache,
checksums, atomic writes). Imports only `analysis.errors` and `analysis.paths`."""
