package fontstest

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

func TestGB2312(t *testing.T) {
	gb := GB2312()
	hanzi := 0
	for _, r := range gb {
		if IsHanzi(r) {
			hanzi++
		}
	}
	// 7445 cells; A1A4 and A1AA count in two forms each.
	if len(gb) != 7447 || hanzi != 6763 {
		t.Errorf("GB2312() has %d runes, %d hanzi; want 7447 and 6763", len(gb), hanzi)
	}
	for _, r := range "色的一丨齄鳌Ⅻ①⒛㈩ぁんァヶАяΑωāü‰№℃¤§ㄅㄩ─╋、。·—・―" {
		if _, ok := slices.BinarySearch(gb, r); !ok {
			t.Errorf("%q (%U) not in GB2312()", r, r)
		}
	}
	for _, r := range "ⅰ€︵堃镕〇" {
		if _, ok := slices.BinarySearch(gb, r); ok {
			t.Errorf("%q (%U) is in GB2312(), but is not GB 2312", r, r)
		}
	}
}

// The punctuation the issue names is required.
func TestPunctuation(t *testing.T) {
	req := Required()
	for _, r := range "、。，；：？！“”‘’（）《》【】〔〕—…·□■○●√×℃№＄～〇ⅰ€✓" {
		if _, ok := slices.BinarySearch(req, r); !ok {
			t.Errorf("%q (%U) not required", r, r)
		}
	}
	if len(req) < 7480 {
		t.Errorf("Required() has only %d runes", len(req))
	}
}

// The scripts cut the fonts to what fonts/charset.py lists: it must hold every character the
// tests require (decoded there with Python's gb2312 codec, here with x/text's GBK).
func TestCharsetScriptHasEveryRequiredCharacter(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	out, err := exec.Command(py, "../charset.py").Output()
	if err != nil {
		t.Fatalf("charset.py: %v", err)
	}
	var missing []rune
	for _, r := range Required() {
		if !strings.ContainsRune(string(out), r) {
			missing = append(missing, r)
		}
	}
	if len(missing) > 0 {
		t.Errorf("charset.py lacks %q", string(missing))
	}
}

func TestBoldAdvances(t *testing.T) {
	adv, err := BoldAdvances()
	if err != nil {
		t.Fatal(err)
	}
	if len(adv) < 1000 || adv['申'] != 1000 || adv[' '] == 0 {
		t.Errorf("%d advances, 申 %d, space %d", len(adv), adv['申'], adv[' '])
	}
}
