package forms

import (
	"fmt"
	"strings"
)

// This file holds the Definition: one form as its definition file (forms/defs/*.toml,
// docs/form-format.md) describes it, and what the rest of the program asks of it.

// Role is what a field means to the program beyond its block: the outputs' file names, the
// summary's county groups and the duplicate check ask for a role, never for a key.
type Role string

const (
	RoleApplicantName  Role = "applicant_name"  // 姓名 of the one who applies: file names, summaries
	RoleApplicantUnit  Role = "applicant_unit"  // 工作单位: file names, summaries
	RoleApplicantPhone Role = "applicant_phone" // 联系电话: the same person in a table
	RolePairedCounty   Role = "paired_county"   // 结对帮扶县区: the summary's groups
)

// Definition is one form: everything the app, the checks, the writers and the readers need
// to know about it.
type Definition struct {
	ID          string // what a draft names its form by
	Version     int    // the definition's own version: a changed form gets a higher one
	Title       string // printed at the top, bold and centred
	WindowTitle string
	OutputName  string // the stem of the exported files' names
	DraftFormat string // the "format" a draft of this form carries
	Stamp, Date string // the stamp and date lines of opinion boxes
	// Group is what one application sets up, in the summary's messages (工作室: 某某（单位）
	// 工作室的成员); "" when applications share no people (the summary does not compare them).
	Group  string
	Blocks []Block
	Roles  map[Role]string   // role → field path ("host.name")
	Sample map[string]string // the sample draft's values by field path

	// Read from a definition file (ParseDefinition; docs/form-format.md).
	Source string              // where the bureau published the form
	Lists  map[string][]string // named lists of values ("counties")
	Rules  []Rule              // the notice's conditions with their messages, in the file's order
	// Submission is where and by when the finished form goes; the exports remind of it.
	Submission Submission
	File       string // the name the definition was read under, for messages
}

// DefaultID is the form of a draft file that names none of its own: the 名班主任 form, which
// every draft written before forms were files is (its drafts keep the format they always had).
const DefaultID = "liuzhou-mbzr-2024"

// Default is the built-in 名班主任 form, read from its definition file on first use. A built-in
// definition that does not load is a broken build (a test loads every one).
func Default() *Definition {
	d, ok := ShippedByID(DefaultID)
	if !ok {
		_, err := Shipped()
		panic(fmt.Sprintf("forms: the built-in form %s does not load: %v", DefaultID, err))
	}
	return d
}

// Block finds a block by its key.
func (d *Definition) Block(key string) (Block, bool) {
	for _, b := range d.Blocks {
		if b.Key == key && key != "" {
			return b, true
		}
	}
	return Block{}, false
}

// Field finds a field by the path rules and roles use: "host.years", "advisers.mobile" (a
// table's column), "plan" (a text block's one field).
func (d *Definition) Field(path string) (Block, Field, bool) {
	bk, fk, _ := strings.Cut(path, ".")
	b, ok := d.Block(bk)
	if !ok {
		return Block{}, Field{}, false
	}
	if b.Kind == TextBlock {
		if fk == "" && len(b.Fields) == 1 {
			return b, b.Fields[0], true
		}
		return Block{}, Field{}, false
	}
	for _, f := range b.Fields {
		if f.Key == fk && fk != "" {
			return b, f, true
		}
	}
	return Block{}, Field{}, false
}

// RoleField is the field that has the role; ok is false when the form gives the role to none.
func (d *Definition) RoleField(r Role) (Block, Field, bool) {
	p, ok := d.Roles[r]
	if !ok {
		return Block{}, Field{}, false
	}
	return d.Field(p)
}

// RolePath is the draft path of the field with the role ("host.name"), "" when there is none.
func (d *Definition) RolePath(r Role) string { return d.Roles[r] }

// Counties are the choices of the paired_county field: the groups of the summary.
func (d *Definition) Counties() []string {
	_, f, ok := d.RoleField(RolePairedCounty)
	if !ok {
		return nil
	}
	return f.Choices
}

// OutputPrefix starts the exported files' names: OutputName and a dash, before <工作单位>-<姓名>.
func (d *Definition) OutputPrefix() string { return d.OutputName + "-" }

// Tables lists the form's person tables in printed order.
func (d *Definition) Tables() []Block {
	var out []Block
	for _, b := range d.Blocks {
		if b.Kind == TableBlock {
			out = append(out, b)
		}
	}
	return out
}

// Counter is the word a row of a table is counted in: 名 for a table of people (a column keyed
// name), else 条 (a period of work, an award).
func (b Block) Counter() string {
	if b.Field("name").Key != "" {
		return "名"
	}
	return "条"
}

// FixedText is every character the form prints whatever the user typed: the title, labels,
// hints, stamp lines and the words around page numbers. The bold font subset must hold it.
func (d *Definition) FixedText() string {
	var sb strings.Builder
	sb.WriteString(d.Title + d.Stamp + d.Date + "序号0123456789第页共（续）草稿（未通过检查）")
	for _, b := range d.Blocks {
		sb.WriteString(b.Label + b.Hint + b.Sub + b.Text + b.Sign)
		for _, f := range b.Fields {
			sb.WriteString(f.Label + f.Group)
		}
	}
	return sb.String()
}

// builtIn lists the forms built into the program, in the order of their files.
func builtIn() []*Definition {
	defs, _ := Shipped()
	return defs
}

// WithBlocks is a copy of the form with other blocks: a form changed as a clerk would, for
// tests and for a definition being edited.
func (d *Definition) WithBlocks(blocks []Block) *Definition {
	c := *d
	c.Blocks = blocks
	return &c
}
