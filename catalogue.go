package policyfacts

import (
	_ "embed"
	"io"
	"strings"

	"github.com/policyfacts/policyfacts/metrics"
)

// indicatorsTSV is the embedded catalogue of metrics, read again here so
// that ExtendCatalogue can put a user's entries ahead of it (the same file,
// not a copy).
//
//go:embed metrics/data/indicators.tsv
var indicatorsTSV string

// WithCatalogue makes the Extractor name the indicators of facts from c
// instead of the embedded catalogue (metrics.DefaultCatalogue); nil keeps
// the embedded one. ExtendCatalogue builds a c that adds to the embedded
// entries or overrides them; metrics.ParseCatalogue one that replaces them.
func WithCatalogue(c *metrics.Catalogue) Option {
	return func(e *Extractor) {
		if c != nil {
			e.cat = c
		}
	}
}

// ExtendCatalogue returns the embedded catalogue with the entries of r, in
// the format of metrics/data/indicators.tsv (id, dimension, name, aliases
// separated by |, optional flags; # comments), read ahead of it: an
// indicator of a new id is added; a line of an id the catalogue has makes
// that id's entry (dimension, name, flags) the user's, and its aliases win
// over the embedded aliases of the same length. As everywhere in the
// catalogue, the longest alias found in a clause wins, and an id of "-"
// lists phrases that name nothing (masking a shorter alias inside them).
func ExtendCatalogue(r io.Reader) (*metrics.Catalogue, error) {
	return metrics.ParseCatalogue(io.MultiReader(r, strings.NewReader("\n"+indicatorsTSV)))
}
