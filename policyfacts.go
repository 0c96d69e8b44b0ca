package policyfacts

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/segment"
)

// DocInfo is the "doc" object of SCHEMA.md. Unknown fields are nil and
// print as JSON null.
type DocInfo struct {
	ID     string  `json:"id"`
	Title  *string `json:"title"`
	Date   *string `json:"date"`
	Region *string `json:"region"`
	// RegionCode is the GB/T 2260 code of Region valid in the document's
	// year ("100000" for 全国); RegionLevel is national, province,
	// prefecture or county. Both null when the region is unknown.
	RegionCode  *string `json:"region_code"`
	RegionLevel *string `json:"region_level"`
	Speaker     *string `json:"speaker"`
	Year        *int    `json:"year"`
	Source      string  `json:"source,omitempty"`
	URL         string  `json:"url,omitempty"`
	Encoding    string  `json:"encoding,omitempty"`
	// Redacted counts figures deleted from the text that left their unit
	// behind (亿元 with no number, ××%): a template or a redacted copy.
	Redacted int `json:"redacted"`
}

// SchemaVersion is the version of the JSON shape of the outputs, written
// first in every object printed (an extract result line, a record) as
// "schema_version" and described by docs/schema/*.schema.json. It changes
// when a field is removed, renamed or retyped, not when one is added. It is
// metrics.SchemaVersion: one constant, held by the lower package so that
// records, written there, carry it too.
const SchemaVersion = metrics.SchemaVersion

// Result is what extraction gives for one document, in the shape of
// SCHEMA.md. Slices are never nil, so they print as [] when empty.
type Result struct {
	// SchemaVersion is SchemaVersion in every result Extract returns.
	SchemaVersion string             `json:"schema_version"`
	Doc           DocInfo            `json:"doc"`
	Quantities    []extract.Quantity `json:"quantities"`
	Facts         []extract.Fact     `json:"facts"`
	Sectors       []extract.Sector   `json:"sectors"`
	Slogans       []extract.Slogan   `json:"slogans"`
	// Keywords are the document's top terms by TF-IDF (segment.Keywords),
	// for indexing; empty unless the Extractor was made WithKeywords(n).
	Keywords []segment.Keyword `json:"keywords"`
}

// Extractor runs the pipeline. It is immutable and safe for concurrent use.
type Extractor struct {
	rec      *extract.Recognizer
	gaz      *extract.Gazetteer
	cat      *metrics.Catalogue
	seg      segment.Segmenter
	keywords int
}

// Option configures New.
type Option func(*Extractor)

// WithKeywords makes each result list the document's top n keywords; 0,
// the default, lists none. Keywords need the text cut into words, which
// costs more than the rest of the pipeline, so they are asked for, not
// given by default.
func WithKeywords(n int) Option { return func(e *Extractor) { e.keywords = max(n, 0) } }

// WithSegmenter sets the segmenter keywords are counted with; by default
// it is NewSegmenter().
func WithSegmenter(s segment.Segmenter) Option { return func(e *Extractor) { e.seg = s } }

// New returns an Extractor. The embedded tables are read on first use,
// once per process; New starts reading those its first document needs in
// the background (extract.LoadTables).
func New(opts ...Option) *Extractor {
	// the tables the first document waits for are read beside the ones
	// the extractor holds (on a second core, at start-up)
	go extract.LoadTables()
	e := &Extractor{rec: extract.NewRecognizer(), gaz: extract.DefaultGazetteer(), cat: metrics.DefaultCatalogue()}
	for _, o := range opts {
		o(e)
	}
	if e.seg == nil && e.keywords > 0 {
		e.seg = defaultSegmenter()
	}
	return e
}

// defaultSegmenter is built once per process: it is safe for concurrent
// use and its dictionary is immutable.
var defaultSegmenter = sync.OnceValue(func() segment.Segmenter {
	s, err := NewSegmenter()
	if err != nil {
		panic(err) // the words come from embedded tables; TestNewSegmenter checks them
	}
	return s
})

// NewSegmenter returns a segmenter (segment.New with opts) whose dictionary
// also holds the project's own vocabularies, each from its one source: the
// indicator catalogue's aliases (metrics), the sector names and the names
// of provinces, prefectures and counties (extract).
func NewSegmenter(opts ...segment.Option) (segment.Segmenter, error) {
	return segment.New(append([]segment.Option{segment.WithWords(vocabulary()...)}, opts...)...)
}

var vocabulary = sync.OnceValue(func() []segment.Word {
	var words []segment.Word
	for _, w := range metrics.DefaultCatalogue().Words() {
		words = append(words, segment.Word{Text: w, POS: "n"})
	}
	for _, w := range extract.SectorNames() {
		words = append(words, segment.Word{Text: w, POS: "n"})
	}
	for _, p := range extract.DefaultGazetteer().Places() {
		words = append(words, segment.Word{Text: p.Name, POS: "ns"})
		if p.Level <= extract.Prefecture && p.Short != p.Name && utf8.RuneCountInString(p.Short) >= 2 {
			words = append(words, segment.Word{Text: p.Short, POS: "ns"})
		}
	}
	return words
})

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Extract runs the pipeline on a loaded document. Quantity offsets are
// mapped to the raw text.
func (e *Extractor) Extract(ctx context.Context, doc corpus.Document) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	res := Result{
		SchemaVersion: SchemaVersion,
		Doc: DocInfo{
			ID: doc.ID, Title: strPtr(doc.Meta.Title), Date: strPtr(doc.Meta.Date),
			Region: strPtr(doc.Meta.Region), Source: doc.Meta.Source, URL: doc.Meta.URL,
			Encoding: doc.Encoding,
		},
	}
	ro := extract.ReadOptions{Gazetteer: e.gaz}
	if e.keywords > 0 {
		ro.Segmenter = e.seg // the model's words, for the keywords
	}
	d := extract.Read(doc, ro)
	id := d.Identity
	res.Doc.Title, res.Doc.Date = strPtr(id.Title), strPtr(id.Date)
	res.Doc.Region, res.Doc.Speaker = strPtr(id.Region.Name), strPtr(id.Speaker)
	if id.Region.Code != "" {
		res.Doc.RegionCode, res.Doc.RegionLevel = strPtr(id.Region.Code), strPtr(id.Region.Level.String())
	}
	if id.Year != 0 {
		res.Doc.Year = &id.Year
	}
	qs := e.rec.QuantitiesIn(d)
	facts := extract.FactsOf(d, qs, extract.FactOptions{Indicators: e.cat})
	for i := range qs {
		if doc.Map != nil {
			qs[i].Start, qs[i].End = doc.Map.RawSpan(qs[i].Start, qs[i].End)
		}
	}
	for i := range facts {
		if doc.Map != nil {
			q := &facts[i].Quantity
			q.Start, q.End = doc.Map.RawSpan(q.Start, q.End)
		}
	}
	if facts == nil {
		facts = []extract.Fact{}
	}
	res.Facts = facts
	res.Sectors = d.Sectors()
	res.Slogans = d.Slogans()
	for i := range res.Sectors {
		mapPositions(doc.Map, res.Sectors[i].Positions)
	}
	for i := range res.Slogans {
		mapPositions(doc.Map, res.Slogans[i].Positions)
	}
	if qs == nil {
		qs = []extract.Quantity{}
	}
	res.Quantities = qs
	res.Doc.Redacted = e.rec.RedactedIn(d)
	res.Keywords = []segment.Keyword{}
	if e.keywords > 0 {
		res.Keywords = segment.Keywords(d.Tokens, e.keywords)
	}
	return res, nil
}

// mapPositions maps clean offsets to raw offsets in place.
func mapPositions(m *corpus.OffsetMap, ps []int) {
	if m == nil {
		return
	}
	for i, p := range ps {
		ps[i] = m.Raw(p)
	}
}

// PanicError reports a document whose extraction panicked: a bug, reported
// for that document alone so the rest of a batch goes on.
type PanicError struct {
	ID    string
	Value any
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("policyfacts: internal error on %s: %v (please report it with the document)", e.ID, e.Value)
}

// safeExtract is Extract with a panic turned into a *PanicError.
func (e *Extractor) safeExtract(ctx context.Context, doc corpus.Document) (res Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			res, err = Result{}, &PanicError{ID: doc.ID, Value: v}
		}
	}()
	return e.Extract(ctx, doc)
}

// Extract runs the pipeline on one document with a new Extractor. For many
// documents, make one Extractor with New and reuse it, or use Batch.
func Extract(ctx context.Context, doc corpus.Document) (Result, error) {
	return New().Extract(ctx, doc)
}

// Item is one document's outcome in a batch: its result, or the error that
// kept it from one. A document read but damaged past
// corpus.MaxInvalid (an Err that is corpus.ErrDamaged) has both: the
// error, and the result of what could be read.
type Item struct {
	Index  int // position in the input, from 0
	ID     string
	Path   string
	Result Result
	Err    error
}

// BatchOptions control Batch.
type BatchOptions struct {
	// Workers is the number of documents processed at once; 0 means the
	// number of CPUs.
	Workers int
	// Extractor is used by every worker; nil means New().
	Extractor *Extractor
}

// Batch loads and extracts the documents of src (corpus.Sources) with a
// bounded pool of workers, which decode, clean and extract each document,
// and sends one Item per document on the returned channel, in input order,
// whatever the number of workers. At most about 3×Workers documents are
// held in memory at once: a slow consumer slows the reading of src. The
// channel is closed when src is exhausted or ctx is cancelled, even while
// src is blocked (a file that never delivers its bytes): the goroutine
// reading src then ends when src returns. A consumer that stops reading
// before the channel is closed must cancel ctx, or its workers stay
// blocked; BatchSeq, the iterator form, does that when its loop ends.
func Batch(ctx context.Context, src iter.Seq2[corpus.Source, error], opts BatchOptions) <-chan Item {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ex := opts.Extractor
	if ex == nil {
		ex = New()
	}
	out := make(chan Item, workers)
	type job struct {
		item Item
		src  corpus.Source
		done chan Item
	}
	jobs := make(chan job, workers)
	order := make(chan chan Item, workers)
	for range workers {
		go func() {
			for j := range jobs {
				it := j.item
				if it.Err == nil {
					var doc corpus.Document
					doc, it.Err = j.src.Load()
					if it.Err == nil || errors.Is(it.Err, corpus.ErrDamaged) && doc.Raw != "" {
						var err error
						if it.Result, err = ex.safeExtract(ctx, doc); err != nil {
							it.Err = err
						}
					}
				}
				j.done <- it
			}
		}()
	}
	go func() { // reader: feeds jobs in order
		defer close(jobs)
		defer close(order)
		i := 0
		for s, err := range src {
			done := make(chan Item, 1)
			select {
			case order <- done:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{item: Item{Index: i, ID: s.ID, Path: s.Path, Err: err}, src: s, done: done}:
			case <-ctx.Done():
				return
			}
			i++
		}
	}()
	go func() { // collector: delivers in order
		defer close(out)
		for {
			var done chan Item
			select {
			case d, ok := <-order:
				if !ok {
					return
				}
				done = d
			case <-ctx.Done(): // the reader may be stuck in src (a file that blocks)
				return
			}
			select {
			case it := <-done:
				select {
				case out <- it:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

//go:embed sample/sample.txt
var sampleText string

// Sample returns the embedded sample document: a short work-report excerpt
// written for the project, used by `policyfacts extract --sample`.
func Sample() corpus.Document {
	return corpus.FromText("sample.txt", sampleText, corpus.Meta{}, nil)
}

// DocFacts returns the input of metrics.Records for a result: its facts,
// the document's region with its code and level, and its working year.
func (r Result) DocFacts() metrics.DocFacts {
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	year := 0
	if r.Doc.Year != nil {
		year = *r.Doc.Year
	}
	return metrics.DocFacts{ID: r.Doc.ID, Region: str(r.Doc.Region), RegionCode: str(r.Doc.RegionCode),
		RegionLevel: str(r.Doc.RegionLevel), Year: year, Facts: r.Facts}
}
