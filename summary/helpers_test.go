package summary

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
)

// open reads a workbook written by this package back with excelize.
func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func mustBlock(t *testing.T, key string) forms.Block {
	t.Helper()
	b, ok := forms.BlockByKey(key)
	if !ok {
		t.Fatalf("no block %s", key)
	}
	return b
}
