package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// testConfig is a server's configuration for tests: generous limits.
func testConfig() serveConfig {
	return serveConfig{maxBody: 1 << 20, maxInFlight: 64, timeout: 30 * time.Second, workers: 2}
}

// newTestServer starts a server with cfg; extract, if not nil, replaces
// the Extractor's Extract.
func newTestServer(t *testing.T, cfg serveConfig, extract func(context.Context, corpus.Document) (policyfacts.Result, error)) (*server, *httptest.Server) {
	t.Helper()
	s := newServer(cfg, policyfacts.New())
	if extract != nil {
		s.extract = extract
	}
	ts := httptest.NewServer(s.handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// post sends body with the content type and returns the status and body.
func post(t *testing.T, url, contentType string, body io.Reader) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.Post(url, contentType, body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

// multipartBody returns a multipart body of the files (name → content).
func multipartBody(t *testing.T, files ...[2]string) (string, *bytes.Buffer) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	if err := mw.WriteField("comment", "not a file: skipped"); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		w, err := mw.CreateFormFile("file", f[0])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, f[1])
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), &b
}

// cli runs the command line and returns its standard output.
func cli(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("policyfacts %v: exit %d: %s", args, code, stderr.String())
	}
	return stdout.String()
}

// jsonArray makes JSON lines an array, as /v1/records answers.
func jsonArray(lines string) string {
	lines = strings.TrimSuffix(lines, "\n")
	if lines == "" {
		return "[]\n"
	}
	return "[" + strings.ReplaceAll(lines, "\n", ",") + "]\n"
}

// firstDiff describes where got and want first differ, "" if they do not.
func firstDiff(got, want string) string {
	if got == want {
		return ""
	}
	i := 0
	for i < min(len(got), len(want)) && got[i] == want[i] {
		i++
	}
	return fmt.Sprintf("at byte %d of %d (want %d):\n got …%q…\nwant …%q…", i, len(got), len(want),
		got[max(0, i-60):min(len(got), i+60)], want[max(0, i-60):min(len(want), i+60)])
}

const sampleFile = "../../sample/sample.txt"

// TestServeExtract posts the sample as text, as an upload and as JSON:
// the answer is the line extract prints.
func TestServeExtract(t *testing.T) {
	_, ts := newTestServer(t, testConfig(), nil)
	text, err := os.ReadFile(sampleFile)
	if err != nil {
		t.Fatal(err)
	}
	want := cli(t, "extract", "-q", sampleFile)
	ct, mp := multipartBody(t, [2]string{"sample.txt", string(text)})
	js, _ := json.Marshal(map[string]string{"id": "sample.txt", "text": string(text)})
	for _, tc := range []struct {
		name, url, contentType string
		body                   io.Reader
		want                   string
	}{
		{"text", "/v1/extract?id=sample.txt", "text/plain; charset=utf-8", bytes.NewReader(text), want},
		{"no content type", "/v1/extract?id=sample.txt", "", bytes.NewReader(text), want},
		{"upload", "/v1/extract", ct, mp, want},
		{"json", "/v1/extract", "application/json", bytes.NewReader(js), want},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, h, got := post(t, ts.URL+tc.url, tc.contentType, tc.body)
			if code != http.StatusOK {
				t.Fatalf("status %d: %s", code, got)
			}
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			if d := firstDiff(string(got), tc.want); d != "" {
				t.Errorf("the answer differs from extract's line: %s", d)
			}
		})
	}
}

// TestServeExtractKinds: an HTML body is read as HTML, ?encoding= decodes
// a GBK body, ?id= names the document.
func TestServeExtractKinds(t *testing.T) {
	_, ts := newTestServer(t, testConfig(), nil)
	const text = "2024年，全市地区生产总值增长5.6%。"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, url, contentType, body string
		want                         []string
	}{
		{"html", "/v1/extract?id=a.html", "text/html", "<html><body><script>var x='9%';</script><p>" + text + "</p></body></html>",
			[]string{`"id":"a.html"`, `"text":"5.6%"`}},
		{"gbk", "/v1/extract?encoding=gbk", "text/plain", gbk, []string{`"id":"request"`, `"encoding":"gb18030"`, `"text":"5.6%"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, got := post(t, ts.URL+tc.url, tc.contentType, strings.NewReader(tc.body))
			if code != 200 {
				t.Fatalf("status %d: %s", code, got)
			}
			for _, w := range tc.want {
				if !bytes.Contains(got, []byte(w)) {
					t.Errorf("answer lacks %s: %s", w, got)
				}
			}
			if bytes.Contains(got, []byte(`"9%"`)) {
				t.Errorf("a script's figure read: %s", got)
			}
		})
	}
}

// TestServeRecords posts documents as JSON and as uploads (a .jsonl among
// them): the answer is the records records --format jsonl prints, as an
// array.
func TestServeRecords(t *testing.T) {
	_, ts := newTestServer(t, testConfig(), nil)
	text, err := os.ReadFile(sampleFile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	other := "2024年，全市地区生产总值达到3200亿元，增长6.1%。2025年主要预期目标：地区生产总值增长6%左右。"
	jl, _ := json.Marshal(map[string]string{"text": other})
	files := [][2]string{{"sample.txt", string(text)}, {"more.jsonl", string(jl) + "\n"}}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f[0])
		if err := os.WriteFile(p, []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	want := jsonArray(cli(t, append([]string{"records", "--format", "jsonl"}, paths...)...))
	if !strings.Contains(want, `"doc_id":"more.jsonl#1"`) {
		t.Fatalf("the test's documents give no record from more.jsonl:\n%s", want)
	}
	t.Run("upload", func(t *testing.T) {
		ct, body := multipartBody(t, files...)
		code, _, got := post(t, ts.URL+"/v1/records", ct, body)
		if d := firstDiff(string(got), want); code != http.StatusOK || d != "" {
			t.Errorf("status %d; the answer differs from records --format jsonl as an array: %s", code, d)
		}
	})
	t.Run("json", func(t *testing.T) {
		js, _ := json.Marshal([]map[string]string{{"id": "a", "text": other}})
		code, _, got := post(t, ts.URL+"/v1/records", "application/json", bytes.NewReader(js))
		var recs []map[string]any
		if err := json.Unmarshal(got, &recs); code != http.StatusOK || err != nil || len(recs) == 0 {
			t.Fatalf("status %d, %v: %s", code, err, got)
		}
		for _, r := range recs {
			if r["schema_version"] != policyfacts.SchemaVersion {
				t.Errorf("record without schema_version: %v", r)
			}
		}
	})
	t.Run("empty", func(t *testing.T) {
		code, _, got := post(t, ts.URL+"/v1/records", "application/json", strings.NewReader("[]"))
		if code != http.StatusOK || string(got) != "[]\n" {
			t.Errorf("status %d: %s, want []", code, got)
		}
	})
}

// wantError checks an error answer: its status and the JSON
// {"error":{"code","message"}}.
func wantError(t *testing.T, code int, body []byte, wantCode int, wantName string) {
	t.Helper()
	var e struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("status %d, body %q: not a JSON error: %v", code, body, err)
	}
	if code != wantCode || e.Error.Code != wantName || e.Error.Message == "" {
		t.Errorf("status %d, %+v; want %d %s with a message", code, e.Error, wantCode, wantName)
	}
}

// TestServeErrors: bad requests get JSON errors with their status.
func TestServeErrors(t *testing.T) {
	cfg := testConfig()
	cfg.maxBody = 1000
	_, ts := newTestServer(t, cfg, nil)
	big := strings.Repeat("增长", 200) // 1200 bytes
	twoFiles, twoBody := multipartBody(t, [2]string{"a.txt", "增长5%"}, [2]string{"b.txt", "增长6%"})
	csvType, csvBody := multipartBody(t, [2]string{"a.csv", "id,text\n1,增长5%\n"})
	noFile, noFileBody := multipartBody(t)
	bigUp, bigUpBody := multipartBody(t, [2]string{"a.txt", big})
	for _, tc := range []struct {
		name, path, contentType string
		body                    io.Reader
		status                  int
		code                    string
	}{
		{"malformed json", "/v1/extract", "application/json", strings.NewReader(`{"text":`), 400, "bad_request"},
		{"trailing json", "/v1/extract", "application/json", strings.NewReader(`{"text":"a"} {}`), 400, "bad_request"},
		{"unknown field", "/v1/extract", "application/json", strings.NewReader(`{"txt":"a"}`), 400, "bad_request"},
		{"no text", "/v1/extract", "application/json", strings.NewReader(`{"id":"a"}`), 400, "bad_request"},
		{"records not an array", "/v1/records", "application/json", strings.NewReader(`{"text":"a"}`), 400, "bad_request"},
		{"records no text", "/v1/records", "application/json", strings.NewReader(`[{"text":"a"},{"id":"b"}]`), 400, "bad_request"},
		{"records as text", "/v1/records", "text/plain", strings.NewReader(`增长5%`), 415, "unsupported_media_type"},
		{"two files to extract", "/v1/extract", twoFiles, twoBody, 400, "bad_request"},
		{"csv to extract", "/v1/extract", csvType, csvBody, 400, "bad_request"},
		{"no file", "/v1/extract", noFile, noFileBody, 400, "bad_request"},
		{"no file to records", "/v1/records", noFile, noFileBody, 400, "bad_request"},
		{"broken multipart", "/v1/records", "multipart/form-data; boundary=x", strings.NewReader("--x\r\nbroken"), 400, "bad_request"},
		{"pdf", "/v1/extract", "application/pdf", strings.NewReader("%PDF-1.4\n%âãÏÓ\n"), 422, "bad_document"},
		{"pdf upload to records", "/v1/records", "", nil, 422, "bad_document"},
		{"too large", "/v1/extract", "text/plain", strings.NewReader(big), 413, "too_large"},
		{"too large, no length", "/v1/extract", "text/plain", io.MultiReader(strings.NewReader(big)), 413, "too_large"},
		{"too large json", "/v1/records", "application/json", io.MultiReader(strings.NewReader(`[{"text":"` + big + `"}]`)), 413, "too_large"},
		{"too large upload", "/v1/records", bigUp, io.MultiReader(bigUpBody), 413, "too_large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.body == nil {
				tc.contentType, tc.body = multipartBody(t, [2]string{"a.pdf", "%PDF-1.4\n"})
			}
			code, _, body := post(t, ts.URL+tc.path, tc.contentType, tc.body)
			wantError(t, code, body, tc.status, tc.code)
		})
	}
	for _, tc := range []struct {
		method, path string
		status       int
		code, allow  string
	}{
		{"GET", "/v1/extract", 405, "method_not_allowed", "POST"},
		{"PUT", "/v1/records", 405, "method_not_allowed", "POST"},
		{"POST", "/healthz", 405, "method_not_allowed", "GET, HEAD"},
		{"GET", "/v2/extract", 404, "not_found", ""},
		{"GET", "/", 404, "not_found", ""},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, ts.URL+tc.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			wantError(t, resp.StatusCode, body, tc.status, tc.code)
			if got := resp.Header.Get("Allow"); got != tc.allow {
				t.Errorf("Allow %q, want %q", got, tc.allow)
			}
		})
	}
}

// gate is an extract that blocks until released, saying when it starts.
type gate struct {
	started chan struct{}
	release chan struct{}
}

func newGate() *gate { return &gate{started: make(chan struct{}, 100), release: make(chan struct{})} }

func (g *gate) extract(ctx context.Context, doc corpus.Document) (policyfacts.Result, error) {
	g.started <- struct{}{}
	<-g.release // ignores ctx, as a long extraction does
	return policyfacts.New().Extract(ctx, doc)
}

// TestServeTooManyRequests: past --max-inflight requests, 429.
func TestServeTooManyRequests(t *testing.T) {
	cfg := testConfig()
	cfg.maxInFlight = 2
	g := newGate()
	_, ts := newTestServer(t, cfg, g.extract)
	codes := make(chan int, 2)
	for range 2 {
		go func() {
			code, _, _ := post(t, ts.URL+"/v1/extract", "text/plain", strings.NewReader("增长5%"))
			codes <- code
		}()
		<-g.started
	}
	code, h, body := post(t, ts.URL+"/v1/extract", "text/plain", strings.NewReader("增长5%"))
	wantError(t, code, body, http.StatusTooManyRequests, "too_many_requests")
	if h.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	code, _, body = post(t, ts.URL+"/v1/records", "application/json", strings.NewReader(`[]`))
	wantError(t, code, body, http.StatusTooManyRequests, "too_many_requests")
	if resp, err := http.Get(ts.URL + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Errorf("healthz while busy: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	close(g.release)
	for range 2 {
		if c := <-codes; c != http.StatusOK {
			t.Errorf("a request within the limit: status %d", c)
		}
	}
	if code, _, body := post(t, ts.URL+"/v1/extract", "text/plain", strings.NewReader("增长5%")); code != 200 {
		t.Errorf("after the load: status %d: %s", code, body)
	}
}

// TestServeTimeout: past --timeout, 503; the slot stays taken until the
// extraction ends.
func TestServeTimeout(t *testing.T) {
	cfg := testConfig()
	cfg.timeout, cfg.maxInFlight = 100*time.Millisecond, 1
	g := newGate()
	s, ts := newTestServer(t, cfg, g.extract)
	start := time.Now()
	code, _, body := post(t, ts.URL+"/v1/extract", "text/plain", strings.NewReader("增长5%"))
	wantError(t, code, body, http.StatusServiceUnavailable, "timeout")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("timeout answered after %s", d)
	}
	code, _, body = post(t, ts.URL+"/v1/extract", "text/plain", strings.NewReader("增长5%"))
	wantError(t, code, body, http.StatusTooManyRequests, "too_many_requests")
	close(g.release)
	for len(s.sem) > 0 { // the timed-out extraction gives its slot back
		time.Sleep(time.Millisecond)
	}
	// records: the work stops at the deadline
	_, ts = newTestServer(t, cfg, func(ctx context.Context, doc corpus.Document) (policyfacts.Result, error) {
		<-ctx.Done()
		return policyfacts.Result{}, ctx.Err()
	})
	code, _, body = post(t, ts.URL+"/v1/records", "application/json", strings.NewReader(`[{"text":"a"},{"text":"b"},{"text":"c"}]`))
	wantError(t, code, body, http.StatusServiceUnavailable, "timeout")
}

// TestServeSlowBody: a body sent slower than --timeout allows is cut off
// with 503.
func TestServeSlowBody(t *testing.T) {
	cfg := testConfig()
	cfg.timeout = 200 * time.Millisecond
	_, ts := newTestServer(t, cfg, nil)
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte("增长5%"))
		time.Sleep(2 * time.Second)
		pw.Close()
	}()
	req, _ := http.NewRequest("POST", ts.URL+"/v1/extract", pr)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	wantError(t, resp.StatusCode, body, http.StatusServiceUnavailable, "timeout")
}

// TestServePanic: an extraction that panics is a 500 JSON error and the
// server goes on.
func TestServePanic(t *testing.T) {
	s, ts := newTestServer(t, testConfig(), func(context.Context, corpus.Document) (policyfacts.Result, error) {
		panic("boom")
	})
	code, _, body := post(t, ts.URL+"/v1/extract", "text/plain", strings.NewReader("增长5%"))
	wantError(t, code, body, http.StatusInternalServerError, "internal")
	code, _, body = post(t, ts.URL+"/v1/records", "application/json", strings.NewReader(`[{"text":"a"},{"text":"b"}]`))
	wantError(t, code, body, http.StatusInternalServerError, "internal")
	if len(s.sem) != 0 {
		t.Errorf("%d slots still taken", len(s.sem))
	}
}

// TestServeConcurrent sends many requests at once to one server (one
// Extractor): each answer is the one a lone request gets. Run with -race.
func TestServeConcurrent(t *testing.T) {
	_, ts := newTestServer(t, testConfig(), nil)
	texts := []string{policyfacts.Sample().Raw}
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt") // none on a plain clone
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(b))
		}
	}
	want := make([][]byte, len(texts))
	for i, text := range texts {
		code, _, body := post(t, ts.URL+"/v1/extract", "text/plain", strings.NewReader(text))
		if code != 200 {
			t.Fatalf("status %d: %s", code, body)
		}
		want[i] = body
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for c := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range 4 {
				i := (c + r) % len(texts)
				resp, err := http.Post(ts.URL+"/v1/extract", "text/plain", strings.NewReader(texts[i]))
				if err != nil {
					errs <- err
					return
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 || !bytes.Equal(body, want[i]) {
					errs <- fmt.Errorf("client %d request %d: status %d, %v, answer differs: %t", c, r, resp.StatusCode, err, !bytes.Equal(body, want[i]))
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestServeHealthAndMetrics: /healthz answers, /metrics counts the
// requests by route and code in the Prometheus text format.
func TestServeHealthAndMetrics(t *testing.T) {
	_, ts := newTestServer(t, testConfig(), nil)
	resp, err := http.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var h map[string]string
	json.NewDecoder(resp.Body).Decode(&h)
	resp.Body.Close()
	if resp.StatusCode != 200 || h["status"] != "ok" || h["schema_version"] != policyfacts.SchemaVersion {
		t.Errorf("healthz: %d %v", resp.StatusCode, h)
	}
	post(t, ts.URL+"/v1/extract", "text/plain", strings.NewReader("增长5%"))
	post(t, ts.URL+"/v1/extract", "application/json", strings.NewReader("{"))
	post(t, ts.URL+"/v1/records", "application/json", strings.NewReader(`[{"text":"增长5%"}]`))
	http.Get(ts.URL + "/no/such/path/1")
	http.Get(ts.URL + "/no/such/path/2")
	resp, err = http.Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type %q", ct)
	}
	text := string(b)
	for _, want := range []string{
		`policyfacts_http_requests_total{route="/healthz",code="200"} 1`,
		`policyfacts_http_requests_total{route="/v1/extract",code="200"} 1`,
		`policyfacts_http_requests_total{route="/v1/extract",code="400"} 1`,
		`policyfacts_http_requests_total{route="/v1/records",code="200"} 1`,
		`policyfacts_http_requests_total{route="other",code="404"} 2`,
		`policyfacts_http_request_duration_seconds_count{route="/v1/extract"} 2`,
		`policyfacts_http_request_duration_seconds_bucket{route="/v1/extract",le="+Inf"} 2`,
		`policyfacts_http_requests_in_flight 1`, // this one
		`policyfacts_documents_extracted_total 2`,
		"# TYPE policyfacts_http_requests_total counter",
		"# TYPE policyfacts_http_request_duration_seconds histogram",
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("/metrics lacks %q:\n%s", want, text)
		}
	}
	// every sample line is name{labels} value
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		if f := strings.Fields(line); len(f) != 2 || !strings.HasPrefix(f[0], "policyfacts_") {
			t.Errorf("malformed sample line %q", line)
		}
	}
}

// TestServeShutdown: when the context ends, the server stops accepting
// connections and lets the request in flight finish.
func TestServeShutdown(t *testing.T) {
	g := newGate()
	s := newServer(testConfig(), policyfacts.New())
	s.extract = g.extract
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.serve(ctx, ln, 10*time.Second, io.Discard) }()
	url := "http://" + ln.Addr().String()
	codes := make(chan int, 1)
	go func() {
		code, _, _ := post(t, url+"/v1/extract", "text/plain", strings.NewReader("增长5%"))
		codes <- code
	}()
	<-g.started
	cancel()
	time.Sleep(50 * time.Millisecond)
	select {
	case err := <-served:
		t.Fatalf("serve returned with a request in flight: %v", err)
	default:
	}
	close(g.release)
	if code := <-codes; code != 200 {
		t.Errorf("the request in flight: status %d", code)
	}
	if err := <-served; err != nil {
		t.Errorf("serve: %v", err)
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("a connection accepted after shutdown")
	}
}

// TestRunServeSIGTERM runs the command and stops it with SIGTERM: exit 0.
func TestRunServeSIGTERM(t *testing.T) {
	pr, pw := io.Pipe()
	exit := make(chan int, 1)
	go func() {
		exit <- run([]string{"serve", "--addr", "127.0.0.1:0"}, io.Discard, pw)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	if !sc.Scan() || !strings.Contains(sc.Text(), "serving on http://") {
		t.Fatalf("first line %q", sc.Text())
	}
	addr := strings.TrimPrefix(sc.Text()[strings.Index(sc.Text(), "http://"):], "")
	resp, err := http.Get(addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// the handler for SIGTERM is in place before the address is printed
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("exit %d after SIGTERM", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve still running 10s after SIGTERM")
	}
}

// TestServeUsage: bad flags are usage errors.
func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{{"serve", "extra"}, {"serve", "--max-body", "0"}, {"serve", "--timeout", "-1s"}, {"serve", "--nope"}} {
		if code := run(args, io.Discard, io.Discard); code != 2 {
			t.Errorf("policyfacts %v: exit %d, want 2", args, code)
		}
	}
}

// TestServeLoad is the load test of the README, run when
// POLICYFACTS_SERVE_LOAD is a duration (POLICYFACTS_SERVE_LOAD=30s go test
// ./cmd/policyfacts -run ServeLoad -v): 16 clients post the seeds (or the
// sample) on loopback for that long; it reports the throughput, the p50
// and p99 latencies and the heap before and after, and fails on any
// answer but 200.
func TestServeLoad(t *testing.T) {
	d, err := time.ParseDuration(os.Getenv("POLICYFACTS_SERVE_LOAD"))
	if err != nil {
		t.Skip("set POLICYFACTS_SERVE_LOAD=30s to run the load test")
	}
	_, ts := newTestServer(t, serveConfig{maxBody: 32 << 20, maxInFlight: 16, timeout: time.Minute, workers: runtime.NumCPU()}, nil)
	var bodies [][]byte
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt") // none on a plain clone
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			bodies = append(bodies, b)
		}
	}
	if len(bodies) == 0 {
		bodies = append(bodies, []byte(policyfacts.Sample().Raw))
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	before := heap()
	const clients = 16
	var mu sync.Mutex
	var lat []time.Duration
	var bytesIn int
	failures := map[string]int{}
	stop := time.Now().Add(d)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := c; time.Now().Before(stop); n++ {
				b := bodies[n%len(bodies)]
				t0 := time.Now()
				resp, err := http.Post(ts.URL+"/v1/extract", "text/plain", bytes.NewReader(b))
				fail := ""
				if err != nil {
					fail = err.Error()
				} else {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						fail = resp.Status
					}
				}
				el := time.Since(t0)
				mu.Lock()
				if fail != "" {
					failures[fail]++
				} else {
					lat = append(lat, el)
					bytesIn += len(b)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	after := heap()
	if len(failures) > 0 {
		t.Errorf("failures: %v", failures)
	}
	if len(lat) == 0 {
		t.Fatal("no request answered")
	}
	slices.Sort(lat)
	q := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))].Round(10 * time.Microsecond) }
	t.Logf("%d clients, %s, %d CPUs: %d requests, %.0f/s, %.1f MB/s of text; latency p50 %s, p99 %s, max %s; heap in use %.1f MB before, %.1f MB after",
		clients, d, runtime.NumCPU(), len(lat), float64(len(lat))/d.Seconds(), float64(bytesIn)/1e6/d.Seconds(),
		q(0.5), q(0.99), q(1), float64(before)/1e6, float64(after)/1e6)
}
