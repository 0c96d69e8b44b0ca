module github.com/policyfacts/policyfacts

go 1.26.0

require (
	github.com/go-ego/gse v0.80.3
	github.com/yanyiwu/gojieba v1.4.7
	golang.org/x/net v0.62.0
	golang.org/x/text v0.43.0
)

require github.com/vcaesar/cedar v0.20.2 // indirect
