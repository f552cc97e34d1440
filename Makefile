# shenbao — see README.md. `make run` opens the app, `make test` runs every test.
GO      ?= go
BIN     := bin/shenbao
SAMPLE  := 示例草稿.json
export CGO_ENABLED := 1

.PHONY: build run test vet fmt-check bench sample clean

build:
	$(GO) build -o $(BIN) .

# Opens the app with the sample draft; an existing sample (perhaps edited) is kept.
run: build
	@test -f "$(SAMPLE)" || ./$(BIN) sample -o "$(SAMPLE)"
	./$(BIN) "$(SAMPLE)"

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Everything, including the tests that use qpdf, pdftotext, xmllint and LibreOffice.
test: fmt-check vet
	$(GO) test -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin dist
