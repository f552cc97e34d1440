package forms

import (
	"os"
	"strings"
	"testing"
)

// A rule changed in the definition file, as a clerk would change it, changes the check with
// no change to the program: the years asked for, the list of counties, the rows wanted.
func TestRulesAreTheFiles(t *testing.T) {
	data, err := ShippedFile("liuzhou-mbzr-2024.toml")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "fields = [\"host.years\"]\nmin = 5", "fields = [\"host.years\"]\nmin = 3", 1)
	edited = strings.Replace(edited, `"柳江区"`, `"柳江区", "柳南区"`, 1)
	edited = strings.Replace(edited, "tables = [\"advisers\"]\nmin = 1", "tables = [\"advisers\"]\nmin = 2", 1)
	if edited == string(data) {
		t.Fatal("the edits did not apply: the file changed shape")
	}
	clerk, err := ParseDefinition([]byte(edited), "edited.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path, value string
		base, edit  string // a finding's text on the path with each definition, "" for none
	}{
		{"host.years", "4", "5年及以上", ""},
		{"host.years", "2", "5年及以上", "3年及以上"},
		{"host.pairedCounty", "柳南区", "只能是", ""},
	} {
		for _, form := range []*Definition{Default(), clerk} {
			d := Sample(form)
			d.Set(tt.path, tt.value)
			want := tt.base
			if form == clerk {
				want = tt.edit
			}
			got := ""
			for _, f := range CheckAt(d, checkDay, nil) {
				if f.Path == tt.path {
					got = f.Message
				}
			}
			if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
				t.Errorf("%s = %s with %s: %q, want %q", tt.path, tt.value, form.File, got, want)
			}
		}
	}
	d := Sample(clerk)
	d.RemoveRow("advisers", 2)
	found := false
	for _, f := range CheckAt(d, checkDay, nil) {
		found = found || f.Path == "advisers" && strings.Contains(f.Message, "请至少填写2名")
	}
	if !found {
		t.Error("one adviser with min = 2 in the file: no finding")
	}
}

// A 起止时间 is judged as a period: readable, in order, not in the future.
func TestPeriodChecks(t *testing.T) {
	form, err := ParseDefinition(mustRead(t, "testdata/defs/every-kind.toml"), "every-kind.toml")
	if err != nil {
		t.Fatal(err)
	}
	var table Block
	var col Field
	for _, b := range form.Tables() {
		for _, f := range b.Fields {
			if f.Kind == Period {
				table, col = b, f
			}
		}
	}
	if col.Key == "" {
		t.Fatal("the synthetic form has no period column")
	}
	for _, tt := range []struct{ v, want string }{
		{"2015.09—2018.07", ""},
		{"2015年9月至今", ""},
		{"2018.07-2015.09", "起止时间"},
		{"2015.09—2031.01", "晚于今天"},
		{"去年", "不是有效的起止时间"},
	} {
		d := New(form)
		d.Set(Path(table, col, 1), tt.v)
		got := ""
		for _, f := range CheckAt(d, checkDay, nil) {
			if f.Path == Path(table, col, 1) {
				got = f.Message
			}
		}
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.v, got, tt.want)
		}
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
