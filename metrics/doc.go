// Package metrics holds the indicator catalogue and normalises facts into
// comparable annual records (region × year × indicator × kind × measure).
//
// The catalogue (data/indicators.tsv, embedded) gives each indicator a
// canonical id, a unit dimension and the phrases texts use for it. A
// Catalogue finds the indicator a clause speaks of; it implements
// extract.IndicatorFinder, so the fact binder of package extract can use
// it without depending on this package.
//
// Records keys cells by region code and gives each cell and unit one value,
// chosen by the rule its documentation states, with the other values kept
// as alternatives. WriteCSV (long), WriteWideCSV (one numeric column per
// indicator, measure, kind and unit, with Stata-safe names), WriteCodebook
// and WriteJSONL write them.
package metrics
