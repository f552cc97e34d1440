package forms

import "testing"

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in, want string // want "" : not a period
	}{
		{"2015.09—2018.07", "2015.09—2018.07"},
		{"2015.9-2018.7", "2015.09—2018.07"},
		{"2015-09-2018-07", "2015.09—2018.07"},
		{"2015年9月至2018年7月", "2015.09—2018.07"},
		{"２０１５．０９～２０１８．０７", "2015.09—2018.07"},
		{"201509-201807", "2015.09—2018.07"},
		{"2015.09.01—2018.07.15", "2015.09—2018.07"},
		{" 2013.09 — 至今 ", "2013.09—至今"},
		{"2013年9月至今", "2013.09—至今"},
		{"2013.09-今", "2013.09—至今"},
		{"2013.09-现在", "2013.09—至今"},
		{"2018.07—2015.09", ""}, // ends before it starts
		{"2015.13—2018.07", ""},
		{"2015.09", ""},
		{"2015.09—2018.07—2019.01", ""},
		{"大约2015年", ""},
		{"15.09-18.07", ""},
		{"", ""},
		{"至今", ""},
	}
	for _, tt := range tests {
		p, ok := ParsePeriod(tt.in)
		got := ""
		if ok {
			got = p.String()
		}
		if got != tt.want {
			t.Errorf("ParsePeriod(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	f := Field{Kind: Period}
	if got := Display(f, "2015.9-2018.7"); got != "2015.09—2018.07" {
		t.Errorf("Display %q", got)
	}
	if got := Display(f, "上学期间"); got != "上学期间" {
		t.Errorf("Display of no period %q", got)
	}
}
