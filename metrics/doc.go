// Package metrics holds the indicator catalogue and normalises facts into
// comparable annual records (region × year × indicator × kind × measure).
//
// The catalogue (data/indicators.tsv, embedded) gives each indicator a
// canonical id, a unit dimension and the phrases texts use for it. A
// Catalogue finds the indicator a clause speaks of; it implements
// extract.IndicatorFinder, so the fact binder of package extract can use
// it without depending on this package.
package metrics
