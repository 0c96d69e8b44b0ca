package policyfacts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
)

// indicatorsOf returns the indicator of each fact of text, extracted with ex.
func indicatorsOf(t *testing.T, ex *policyfacts.Extractor, text string) map[string]string {
	t.Helper()
	res, err := ex.Extract(context.Background(), corpus.FromText("a.txt", text, corpus.Meta{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range res.Facts {
		out[f.Quantity.Text] = f.Indicator
	}
	return out
}

func TestWithCatalogue(t *testing.T) {
	const text = "2024年，全市数据要素交易额达到12亿元，协议引资204亿元，地区生产总值增长5%。"
	def := indicatorsOf(t, policyfacts.New(), text)
	if def["12亿元"] != "" || def["204亿元"] != "invest.signed_amount" || def["5%"] != "gdp" {
		t.Fatalf("embedded catalogue: %v", def)
	}
	cat, err := policyfacts.ExtendCatalogue(strings.NewReader(
		"# a user's indicators\n" +
			"data.trade\tmoney\tdata trading\t数据要素交易额|数据交易额\n" + // added
			"invest.agreed\tmoney\tinvestment agreed\t协议引资\n")) // an embedded alias given to another id
	if err != nil {
		t.Fatal(err)
	}
	got := indicatorsOf(t, policyfacts.New(policyfacts.WithCatalogue(cat)), text)
	want := map[string]string{"12亿元": "data.trade", "204亿元": "invest.agreed", "5%": "gdp"}
	for q, id := range want {
		if got[q] != id {
			t.Errorf("with the extended catalogue, %s is %q, want %q (all: %v)", q, got[q], id, got)
		}
	}
	if again := indicatorsOf(t, policyfacts.New(policyfacts.WithCatalogue(nil)), text); fmt.Sprint(again) != fmt.Sprint(def) {
		t.Errorf("WithCatalogue(nil) = %v, want the embedded catalogue's %v", again, def)
	}
	if _, err := policyfacts.ExtendCatalogue(strings.NewReader("bad line\n")); err == nil {
		t.Error("ExtendCatalogue accepts a line without tabs")
	}
}

func ExampleExtendCatalogue() {
	cat, err := policyfacts.ExtendCatalogue(strings.NewReader("data.trade\tmoney\tdata trading\t数据要素交易额\n"))
	if err != nil {
		panic(err)
	}
	ex := policyfacts.New(policyfacts.WithCatalogue(cat))
	res, _ := ex.Extract(context.Background(), corpus.FromText("a.txt", "2024年，全市数据要素交易额达到12亿元。", corpus.Meta{}, nil))
	for _, f := range res.Facts {
		fmt.Println(f.Indicator, f.Year, f.Quantity.Text)
	}
	// Output: data.trade 2024 12亿元
}
