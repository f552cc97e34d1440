package forms

import (
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
