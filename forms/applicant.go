package forms

import "strings"

// Applicant is who a draft is from, as file names, document titles, PDF authors and summaries
// name it: the fields the form gives the roles applicant_unit and applicant_name, white space
// around them dropped.
func (d *Draft) Applicant() (unit, name string) {
	return strings.TrimSpace(d.Get(d.form.RolePath(RoleApplicantUnit))), strings.TrimSpace(d.Get(d.form.RolePath(RoleApplicantName)))
}
