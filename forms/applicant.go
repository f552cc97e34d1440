package forms

import "strings"

// Applicant is who a draft is from, as file names, document titles, PDF authors and summaries
// name it: the host's 工作单位 and 姓名, white space around them dropped. The one place that
// knows which fields say so.
func (d *Draft) Applicant() (unit, name string) {
	return strings.TrimSpace(d.Get("host.unit")), strings.TrimSpace(d.Get("host.name"))
}
