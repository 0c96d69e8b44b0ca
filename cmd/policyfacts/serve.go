package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/metrics"
)

const serveHelp = `
Serve answers HTTP requests with the results extract and records print:

	POST /v1/extract   one document: the body as text or HTML (any
	                   Content-Type but the two below), a multipart upload of
	                   one file (.txt, .html, .docx), or a JSON object
	                   {"id", "text", "title"?, "date"?, "region"?, "source"?,
	                   "url"?}; returns the JSON object extract prints
	                   (docs/schema/extract.schema.json). ?id= names the
	                   document, ?encoding= overrides detection.
	POST /v1/records   several documents: a JSON array of such objects, or a
	                   multipart upload of files (any kind extract reads:
	                   .csv, .jsonl and .zip hold several); returns the
	                   records as a JSON array (docs/schema/records.schema.json).
	GET  /healthz      {"status":"ok"} while the server runs.
	GET  /metrics      Prometheus text: requests by route and status code,
	                   latency histograms, requests in flight, documents.

Errors are JSON, {"error":{"code":"too_large","message":"..."}}, with the
status: 400 bad_request, 404 not_found, 405 method_not_allowed, 413
too_large (--max-body), 422 bad_document (a document that cannot be read or
decoded), 429 too_many_requests (more than --max-inflight requests at once;
retry after a second), 503 timeout (--timeout), 500 internal. One Extractor
serves every request. SIGINT or SIGTERM stops the server gracefully: it
stops accepting connections and lets the requests in flight finish (up to
--shutdown-timeout).`

// serveConfig holds the limits of the server.
type serveConfig struct {
	maxBody     int64         // bytes of a request body
	maxInFlight int           // requests to /v1/ handled at once; more get 429
	timeout     time.Duration // per request, reading the body included
	workers     int           // documents of one records request extracted at once
}

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "policyfacts serve [flags]", stderr, serveHelp)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on this `address` (host:port; port 0 picks a free one)")
	var cfg serveConfig
	fs.Int64Var(&cfg.maxBody, "max-body", 32<<20, "largest request body, in `bytes` (413 past it)")
	fs.IntVar(&cfg.maxInFlight, "max-inflight", 16, "requests handled at once (429 past it); memory is bounded by about this times --max-body")
	fs.DurationVar(&cfg.timeout, "timeout", 60*time.Second, "time allowed for one request, reading its body included (503 past it)")
	fs.IntVar(&cfg.workers, "workers", runtime.NumCPU(), "documents of one records request extracted at once")
	keywords := fs.Int("keywords", 0, "list each result's top `N` terms by TF-IDF")
	grace := fs.Duration("shutdown-timeout", 30*time.Second, "on SIGINT or SIGTERM, time left to the requests in flight")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(paths) > 0 || cfg.maxBody <= 0 || cfg.maxInFlight <= 0 || cfg.timeout <= 0 || cfg.workers <= 0 {
		fs.Usage()
		return errUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	s := newServer(cfg, policyfacts.New(policyfacts.WithKeywords(*keywords)))
	fmt.Fprintf(stderr, "policyfacts: serving on http://%s\n", ln.Addr())
	return s.serve(ctx, ln, *grace, stderr)
}

// server is the HTTP service. Its handler is safe for concurrent use.
type server struct {
	cfg     serveConfig
	sem     chan struct{} // a slot per request being handled
	stats   *httpStats
	cleaner *corpus.Cleaner
	// extract is the Extractor's Extract; tests replace it.
	extract func(context.Context, corpus.Document) (policyfacts.Result, error)
}

func newServer(cfg serveConfig, ex *policyfacts.Extractor) *server {
	return &server{cfg: cfg, sem: make(chan struct{}, cfg.maxInFlight), stats: newHTTPStats(),
		cleaner: corpus.NewCleaner(), extract: ex.Extract}
}

// serve serves on ln until ctx is done, then shuts down: no new
// connections, and the requests in flight given up to grace to finish.
func (s *server) serve(ctx context.Context, ln net.Listener, grace time.Duration, stderr io.Writer) error {
	srv := &http.Server{
		Handler:           s.handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "policyfacts: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// handler returns the routes, wrapped in the metrics.
func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/extract", s.limited(s.handleExtract))
	mux.HandleFunc("POST /v1/records", s.limited(s.handleRecords))
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /metrics", s.handleMetrics)
	for path, allow := range map[string]string{"/v1/extract": "POST", "/v1/records": "POST", "/healthz": "GET, HEAD", "/metrics": "GET, HEAD"} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" "+r.URL.Path+": use "+allow)
		})
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no route "+r.URL.Path+" (POST /v1/extract, POST /v1/records, GET /healthz, GET /metrics)")
	})
	return s.stats.wrap(mux)
}

// apiError is an error answered with its status and code.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.message }

func badRequest(format string, args ...any) *apiError {
	return &apiError{http.StatusBadRequest, "bad_request", fmt.Sprintf(format, args...)}
}

// writeError answers {"error":{"code":…,"message":…}}.
func writeError(w http.ResponseWriter, status int, code, message string) {
	var body struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	body.Error.Code, body.Error.Message = code, message
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil { // the values written here always marshal
		status, b = http.StatusInternalServerError, []byte(`{"error":{"code":"internal","message":"unencodable response"}}`)
	}
	writeBody(w, status, append(b, '\n'))
}

func writeBody(w http.ResponseWriter, status int, b []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b) // the client may be gone; nothing more to tell it
}

// work is what a handler computes once it has read its request: the
// response body, or an error.
type work func(ctx context.Context) ([]byte, error)

// limited wraps a handler that reads its request and returns the work to
// do: it takes a slot of the semaphore (429 when none is free), bounds the
// body (413) and the time (503), runs the work on its own goroutine, and
// answers errors as JSON. The slot is given back when the work ends, not
// when the handler gives up on it, so that at most maxInFlight extractions
// run at once even past their timeouts.
func (s *server) limited(read func(w http.ResponseWriter, r *http.Request) (work, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.sem <- struct{}{}:
		default:
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusTooManyRequests, "too_many_requests",
				fmt.Sprintf("more than %d requests at once; retry later", s.cfg.maxInFlight))
			return
		}
		handed := false // to the work, which gives the slot back
		defer func() {
			if !handed {
				<-s.sem
			}
		}()
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.timeout)
		defer cancel()
		deadline, _ := ctx.Deadline()
		// the body is read under the deadline too; not every writer supports it
		_ = http.NewResponseController(w).SetReadDeadline(deadline)
		if r.ContentLength > s.cfg.maxBody {
			s.answer(ctx, w, tooLarge(s.cfg.maxBody))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.maxBody)
		job, err := read(w, r.WithContext(ctx))
		if err != nil {
			s.answer(ctx, w, err)
			return
		}
		type outcome struct {
			body []byte
			err  error
		}
		done := make(chan outcome, 1)
		handed = true
		go func() {
			var o outcome
			defer func() {
				if v := recover(); v != nil {
					o = outcome{err: &apiError{http.StatusInternalServerError, "internal", fmt.Sprintf("internal error: %v (please report it with the document)", v)}}
				}
				<-s.sem // before the answer: a client answered may send its next request at once
				done <- o
			}()
			o.body, o.err = job(ctx)
		}()
		select {
		case o := <-done:
			if o.err != nil {
				s.answer(ctx, w, o.err)
				return
			}
			writeBody(w, http.StatusOK, o.body)
		case <-ctx.Done():
			s.answer(ctx, w, ctx.Err())
		}
	}
}

func tooLarge(limit int64) *apiError {
	return &apiError{http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("request body over %d bytes (--max-body)", limit)}
}

// answer writes err as a JSON error with its status.
func (s *server) answer(ctx context.Context, w http.ResponseWriter, err error) {
	var ae *apiError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
	case errors.As(err, &mbe):
		ae = tooLarge(mbe.Limit)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		ae = &apiError{http.StatusServiceUnavailable, "timeout", fmt.Sprintf("request not served within %s (--timeout)", s.cfg.timeout)}
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		ae = &apiError{499, "client_closed", "the client closed the request"} // nginx's code; nobody reads it but the metrics
	default:
		ae = &apiError{http.StatusInternalServerError, "internal", err.Error()}
	}
	writeError(w, ae.status, ae.code, ae.message)
}

// docJSON is a document posted as JSON.
type docJSON struct {
	ID     string  `json:"id"`
	Text   *string `json:"text"`
	Title  string  `json:"title"`
	Date   string  `json:"date"`
	Region string  `json:"region"`
	Source string  `json:"source"`
	URL    string  `json:"url"`
}

// fromJSON cleans the i-th document (from 1) of a request; its text is
// not nil (the handlers check).
func (s *server) fromJSON(d docJSON, i int) corpus.Document {
	if d.ID == "" {
		d.ID = "doc-" + strconv.Itoa(i)
	}
	return corpus.FromText(d.ID, *d.Text, corpus.Meta{Title: d.Title, Date: d.Date, Region: d.Region, Source: d.Source, URL: d.URL}, s.cleaner)
}

// decodeJSON decodes the body into v, refusing unknown fields and
// trailing data.
func decodeJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) || errors.Is(err, os.ErrDeadlineExceeded) {
			return err
		}
		return badRequest("malformed JSON: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return badRequest("malformed JSON: data after the value")
	}
	return nil
}

// mediaType returns the request's media type, "" if none or malformed.
func mediaType(r *http.Request) (string, map[string]string) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return "", nil
	}
	return mt, params
}

// handleExtract reads one document and returns the work of decoding,
// cleaning and extracting it.
func (s *server) handleExtract(w http.ResponseWriter, r *http.Request) (work, error) {
	q := r.URL.Query()
	opts := corpus.Options{Encoding: q.Get("encoding"), Cleaner: s.cleaner, MaxFileSize: s.cfg.maxBody}
	id := q.Get("id")
	var load func() (corpus.Document, error) // run by the work, under its limits
	switch mt, _ := mediaType(r); mt {
	case "application/json":
		var d docJSON
		if err := decodeJSON(r.Body, &d); err != nil {
			return nil, err
		}
		if id != "" {
			d.ID = id
		}
		if d.Text == nil {
			return nil, badRequest("no \"text\"")
		}
		load = func() (corpus.Document, error) { return s.fromJSON(d, 1), nil }
	case "multipart/form-data":
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, badRequest("multipart: %v", err)
		}
		var files int
		err = eachFile(mr, func(name string, b []byte) error {
			if files++; files > 1 {
				return badRequest("one file per request to /v1/extract; POST several to /v1/records")
			}
			if k := corpus.KindOf(name); k == corpus.KindCSV || k == corpus.KindJSONL || k == corpus.KindZip {
				return badRequest("%s holds several documents: POST it to /v1/records", name)
			}
			if id == "" {
				id = name
			}
			load = loader(id, name, b, corpus.KindOf(name), opts)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if files == 0 {
			return nil, badRequest("multipart body without a file")
		}
	default:
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, readError(err)
		}
		kind := corpus.KindUnknown // text, or HTML told by content
		switch mt {
		case "text/html", "application/xhtml+xml":
			kind = corpus.KindHTML
		case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
			kind = corpus.KindDocx
		}
		if id == "" {
			id = "request"
		}
		load = loader(id, id, b, kind, opts)
	}
	return func(ctx context.Context) ([]byte, error) {
		doc, err := load()
		if err != nil {
			return nil, err
		}
		res, err := s.extract(ctx, doc)
		if err != nil {
			return nil, err
		}
		s.stats.docs.Add(1)
		b, err := res.AppendJSON(nil)
		return append(b, '\n'), err
	}, nil
}

// loader returns the function that decodes and cleans a document from
// its bytes; its error names the document as name and is a 422.
func loader(id, name string, b []byte, k corpus.Kind, opts corpus.Options) func() (corpus.Document, error) {
	return func() (corpus.Document, error) {
		doc, err := corpus.Load(id, b, k, opts)
		if err != nil {
			return doc, &apiError{http.StatusUnprocessableEntity, "bad_document", name + ": " + err.Error()}
		}
		return doc, nil
	}
}

// eachFile calls fn with the name and content of each file of a multipart
// body, skipping the parts that are no file.
func eachFile(mr *multipart.Reader, fn func(name string, b []byte) error) error {
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return readError(err)
		}
		name := p.FileName()
		if name == "" {
			p.Close()
			continue
		}
		b, err := io.ReadAll(p)
		p.Close()
		if err != nil {
			return readError(err)
		}
		if err := fn(name, b); err != nil {
			return err
		}
	}
}

// readError keeps the limits' errors (413, 503) and makes the others,
// from a body or a multipart body that cannot be read, a 400.
func readError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) || errors.Is(err, os.ErrDeadlineExceeded) {
		return err
	}
	return badRequest("reading the body: %v", err)
}

// handleRecords reads several documents and returns the work of loading
// and extracting them and normalising their facts into records.
func (s *server) handleRecords(w http.ResponseWriter, r *http.Request) (work, error) {
	var load func() ([]corpus.Document, error) // run by the work, under its limits
	switch mt, _ := mediaType(r); mt {
	case "application/json":
		var ds []docJSON
		if err := decodeJSON(r.Body, &ds); err != nil {
			return nil, err
		}
		for i, d := range ds {
			if d.Text == nil {
				return nil, badRequest("document %d: no \"text\"", i+1)
			}
		}
		load = func() ([]corpus.Document, error) {
			docs := make([]corpus.Document, len(ds))
			for i, d := range ds {
				docs[i] = s.fromJSON(d, i+1)
			}
			return docs, nil
		}
	case "multipart/form-data":
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, badRequest("multipart: %v", err)
		}
		if load, err = s.saveFiles(mr, r.URL.Query().Get("encoding")); err != nil {
			return nil, err
		}
	default:
		return nil, &apiError{http.StatusUnsupportedMediaType, "unsupported_media_type",
			"POST /v1/records takes application/json (an array of {\"id\",\"text\"}) or multipart/form-data (files)"}
	}
	return func(ctx context.Context) ([]byte, error) {
		docs, err := load()
		if err != nil {
			return nil, err
		}
		facts, err := s.extractAll(ctx, docs)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := metrics.WriteJSONL(&buf, metrics.Records(facts)); err != nil {
			return nil, err
		}
		// the JSON lines, made an array
		lines := bytes.Split(bytes.TrimSuffix(buf.Bytes(), []byte("\n")), []byte("\n"))
		if buf.Len() == 0 {
			lines = nil
		}
		out := append([]byte("["), bytes.Join(lines, []byte(","))...)
		return append(out, "]\n"...), nil
	}, nil
}

// saveFiles saves the files of a multipart body in a temporary folder and
// returns the function that loads their documents, of any kind the CLI
// reads (a .csv, .jsonl or .zip holds several), with the ids the CLI
// gives them, and removes the folder.
func (s *server) saveFiles(mr *multipart.Reader, encoding string) (func() ([]corpus.Document, error), error) {
	dir, err := os.MkdirTemp("", "policyfacts-serve-")
	if err != nil {
		return nil, err
	}
	keep := false
	defer func() {
		if !keep {
			os.RemoveAll(dir)
		}
	}()
	var paths []string
	err = eachFile(mr, func(name string, b []byte) error {
		sub := filepath.Join(dir, strconv.Itoa(len(paths)))
		if err := os.Mkdir(sub, 0o700); err != nil {
			return err
		}
		base := filepath.Base(filepath.Clean("/" + name)) // no folders
		if base == "/" || base == "." || strings.HasPrefix(base, ".") {
			base = "file" + strconv.Itoa(len(paths)+1) + base
		}
		p := filepath.Join(sub, base)
		paths = append(paths, p)
		return os.WriteFile(p, b, 0o600)
	})
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, badRequest("multipart body without a file")
	}
	keep = true
	return func() ([]corpus.Document, error) {
		defer os.RemoveAll(dir)
		return s.loadFiles(dir, paths, encoding)
	}, nil
}

// loadFiles loads the documents of the files saved by saveFiles in dir.
func (s *server) loadFiles(dir string, paths []string, encoding string) ([]corpus.Document, error) {
	var docs []corpus.Document
	for doc, err := range corpus.Walk(paths, corpus.Options{Encoding: encoding, Cleaner: s.cleaner}) {
		if err != nil {
			msg := err.Error()
			var fe *corpus.FileError
			if errors.As(err, &fe) { // name the file as uploaded, not as stored
				msg = strings.TrimPrefix(fe.Path, dir+string(filepath.Separator))
				if i := strings.IndexByte(msg, filepath.Separator); i >= 0 {
					msg = msg[i+1:]
				}
				msg += ": " + fe.Err.Error()
			}
			return nil, &apiError{http.StatusUnprocessableEntity, "bad_document", msg}
		}
		doc.Path = ""
		docs = append(docs, doc)
	}
	return docs, nil
}

// extractAll extracts docs on up to cfg.workers goroutines and returns
// the input of metrics.Records, in input order; it stops at the first
// error or when ctx is done.
func (s *server) extractAll(ctx context.Context, docs []corpus.Document) ([]metrics.DocFacts, error) {
	facts := make([]metrics.DocFacts, len(docs))
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(s.cfg.workers, len(docs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if v := recover(); v != nil {
					cancel(&apiError{http.StatusInternalServerError, "internal", fmt.Sprintf("internal error: %v (please report it with the document)", v)})
				}
			}()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(docs) || ctx.Err() != nil {
					return
				}
				res, err := s.extract(ctx, docs[i])
				if err != nil {
					cancel(err)
					return
				}
				s.stats.docs.Add(1)
				facts[i] = res.DocFacts()
			}
		}()
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return facts, nil
}

func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": version, "schema_version": policyfacts.SchemaVersion})
}

func (s *server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	s.stats.write(&b, len(s.sem), cap(s.sem))
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_, _ = w.Write(b.Bytes()) // the client may be gone
}

// latencyBuckets are the upper bounds, in seconds, of the latency
// histogram's buckets.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60}

// httpStats counts requests by route and status code and their latencies
// by route, for /metrics.
type httpStats struct {
	mu       sync.Mutex
	requests map[[2]string]uint64 // route, code → count
	latency  map[string]*histogram
	inFlight atomic.Int64
	docs     atomic.Int64 // documents extracted
}

type histogram struct {
	counts []uint64 // per bucket of latencyBuckets, not cumulative
	sum    float64
	count  uint64
}

func newHTTPStats() *httpStats {
	return &httpStats{requests: map[[2]string]uint64{}, latency: map[string]*histogram{}}
}

// statusWriter records the status a handler writes.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// wrap counts the requests h serves, labelled by the route pattern that
// matched them (so that the labels are few whatever the paths asked).
func (st *httpStats) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st.inFlight.Add(1)
		defer st.inFlight.Add(-1)
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r) // the mux sets r.Pattern
		route := r.Pattern
		if _, path, ok := strings.Cut(route, " "); ok {
			route = path
		}
		if route == "" || route == "/" {
			route = "other"
		}
		code := sw.code
		if code == 0 {
			code = http.StatusOK
		}
		st.observe(route, code, time.Since(start).Seconds())
	})
}

func (st *httpStats) observe(route string, code int, secs float64) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.requests[[2]string{route, strconv.Itoa(code)}]++
	hg := st.latency[route]
	if hg == nil {
		hg = &histogram{counts: make([]uint64, len(latencyBuckets))}
		st.latency[route] = hg
	}
	if i, _ := slices.BinarySearch(latencyBuckets, secs); i < len(latencyBuckets) {
		hg.counts[i]++
	}
	hg.sum += secs
	hg.count++
}

// write writes the statistics in the Prometheus text format, sorted.
func (st *httpStats) write(b *bytes.Buffer, busy, slots int) {
	st.mu.Lock()
	defer st.mu.Unlock()
	b.WriteString("# HELP policyfacts_http_requests_total HTTP requests answered, by route and status code.\n")
	b.WriteString("# TYPE policyfacts_http_requests_total counter\n")
	keys := make([][2]string, 0, len(st.requests))
	for k := range st.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) })
	for _, k := range keys {
		fmt.Fprintf(b, "policyfacts_http_requests_total{route=%q,code=%q} %d\n", k[0], k[1], st.requests[k])
	}
	b.WriteString("# HELP policyfacts_http_request_duration_seconds Time to answer HTTP requests, by route.\n")
	b.WriteString("# TYPE policyfacts_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(st.latency))
	for r := range st.latency {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	for _, r := range routes {
		hg := st.latency[r]
		var cum uint64
		for i, le := range latencyBuckets {
			cum += hg.counts[i]
			fmt.Fprintf(b, "policyfacts_http_request_duration_seconds_bucket{route=%q,le=%q} %d\n", r, strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(b, "policyfacts_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", r, hg.count)
		fmt.Fprintf(b, "policyfacts_http_request_duration_seconds_sum{route=%q} %s\n", r, strconv.FormatFloat(hg.sum, 'g', -1, 64))
		fmt.Fprintf(b, "policyfacts_http_request_duration_seconds_count{route=%q} %d\n", r, hg.count)
	}
	b.WriteString("# HELP policyfacts_http_requests_in_flight HTTP requests being answered.\n")
	b.WriteString("# TYPE policyfacts_http_requests_in_flight gauge\n")
	fmt.Fprintf(b, "policyfacts_http_requests_in_flight %d\n", st.inFlight.Load())
	b.WriteString("# HELP policyfacts_extractions_in_flight Extraction slots taken, of policyfacts_extraction_slots (--max-inflight).\n")
	b.WriteString("# TYPE policyfacts_extractions_in_flight gauge\n")
	fmt.Fprintf(b, "policyfacts_extractions_in_flight %d\n", busy)
	b.WriteString("# TYPE policyfacts_extraction_slots gauge\n")
	fmt.Fprintf(b, "policyfacts_extraction_slots %d\n", slots)
	b.WriteString("# HELP policyfacts_documents_extracted_total Documents extracted.\n")
	b.WriteString("# TYPE policyfacts_documents_extracted_total counter\n")
	fmt.Fprintf(b, "policyfacts_documents_extracted_total %d\n", st.docs.Load())
}
