package forms

import (
	"strings"
)

// Kinds of field that related bureau forms need beyond the 名班主任 form's (issue 22). They are
// numbered after Picture, so the values of the older kinds stay as they are.
const (
	// BoxChoice is one of Field.Choices, printed as boxes to tick: 正常 □ 破格 □ (the chosen
	// one ticked when the value is filled in).
	BoxChoice Kind = Picture + 1 + iota
	// Period is a span of time, 起止时间: two year-months (2015.09—2018.07), or a year-month
	// and 至今.
	Period
)

// Block kinds that related forms need beyond the 名班主任 form's.
const (
	// DeclarationBlock prints set wording (Block.Text, the 本人承诺 …) with a signature line
	// (Block.Sign) and a date line; signed by hand after printing, not stored.
	DeclarationBlock BlockKind = OpinionBlock + 1 + iota
	// NoteBlock prints fixed instructions (Block.Text, 填表说明 …) in a cell; not stored.
	NoteBlock
)

// Seal says whose official seal belongs in an opinion box: the scan step looks for it there.
type Seal string

const (
	NoSeal        Seal = ""
	SchoolSeal    Seal = "school"    // 所在学校（单位）
	CountySeal    Seal = "county"    // 县区教育行政部门
	CitySeal      Seal = "city"      // 市教育局
	ProvinceSeal  Seal = "province"  // 自治区（省）教育厅
	CommitteeSeal Seal = "committee" // 评审委员会、专家组
)

// Name is who the seal belongs to, in a sentence: “所在学校”的公章.
func (s Seal) Name() string {
	switch s {
	case SchoolSeal:
		return "所在学校（单位）"
	case CountySeal:
		return "县区教育行政部门"
	case CitySeal:
		return "市教育局"
	case ProvinceSeal:
		return "自治区（省）教育厅"
	case CommitteeSeal:
		return "评审委员会"
	}
	return ""
}

// seals lists every Seal a definition may name, in the order the documentation gives them.
var seals = []Seal{SchoolSeal, CountySeal, CitySeal, ProvinceSeal, CommitteeSeal}

// SealClearMM is an opinion box's clear height above its stamp line when the definition does not
// say: room for a 42 mm round seal (FORM.md §1 asks for at least 50 mm); render uses 52.
const SealClearMM = 52

// MinSealClearMM is the least clear height a box with a seal may have.
const MinSealClearMM = 50

// roles lists every Role, in the documentation's order.
var roles = []Role{RoleApplicantName, RoleApplicantUnit, RoleApplicantPhone, RolePairedCounty}

// RuleKind says what a rule judges.
type RuleKind int

const (
	NumberRule     RuleKind = iota // number: a whole number within Min and Max
	OneOfRule                      // one_of: a value from the named list
	AgeRule                        // age: the age a year-month gives, at the check's date, within Min and Max
	RowsRule                       // rows: how many rows of a table are filled, within Min and Max
	SamePersonRule                 // same_person: nobody listed twice in the tables (or as the applicant)
)

// ruleKinds are the rule kinds as the definition file writes them.
var ruleKinds = []string{"number", "one_of", "age", "rows", "same_person"}

func (k RuleKind) String() string {
	if int(k) >= 0 && int(k) < len(ruleKinds) {
		return ruleKinds[k]
	}
	return "?"
}

// Rule is one condition of the notice, with the Chinese message a finding gives when it does not
// hold. A value outside [Min, Max] (each bound only when Has…) gives the finding.
type Rule struct {
	Kind RuleKind
	// Fields are the fields judged (number, one_of, age), as "block.field" ("host.years");
	// a table column ("advisers.birth") means the column in every filled row; a text block
	// is its key alone.
	Fields []string
	// Tables: rows: the tables counted; same_person: the tables compared, in order (a row is
	// compared with the applicant and with every row before it).
	Tables         []string
	Min, Max       int
	HasMin, HasMax bool
	List           string // one_of: the name of a list of Definition.Lists
	// Match (same_person): the columns that together say who a person is ("name", "mobile");
	// Applicant: the applicant's fields in Match's order ("host.name", "host.phone"), or none.
	Match     []string
	Applicant []string
	Severity  Severity
	// Message is the finding's text, with placeholders in braces ({where}, {value}, {min} …:
	// RulePlaceholders lists those of each kind) that Format fills in.
	Message string
	Line    int // where the rule starts in its file, for messages about it
}

// RulePlaceholders lists the placeholders a message of each rule kind may use.
var RulePlaceholders = map[RuleKind][]string{
	NumberRule:     {"where", "value", "min", "max"},
	OneOfRule:      {"where", "value", "list"},
	AgeRule:        {"where", "value", "age", "min", "max"},
	RowsRule:       {"table", "n", "min", "max", "over", "under"},
	SamePersonRule: {"table", "row", "first", "where"},
}

// Format fills the message's placeholders from args ({where} from args["where"] …); a
// placeholder without a value is left as written.
func (r Rule) Format(args map[string]string) string {
	var sb strings.Builder
	s := r.Message
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		if v, ok := args[name]; ok {
			sb.WriteString(s[:i])
			sb.WriteString(v)
		} else {
			sb.WriteString(s[:i+j+1])
		}
		s = s[i+j+1:]
	}
	sb.WriteString(s)
	return sb.String()
}

// Submission is how the notice asks for the form to be sent: by Deadline ("7月28日"), to Email,
// Contact and Phone for questions. Empty members: the notice does not say.
type Submission struct {
	Deadline, Email, Contact, Phone string
}

// Stored lists the blocks a draft holds values for, in printed order: labelled fields, tables
// and long texts that the applicant fills in.
func (d *Definition) Stored() []Block {
	var out []Block
	for _, b := range d.Blocks {
		if b.Stored() {
			out = append(out, b)
		}
	}
	return out
}

// Sealed lists the boxes that take a seal, in printed order (the scan step looks in each).
func (d *Definition) Sealed() []Block {
	var out []Block
	for _, b := range d.Blocks {
		if b.Seal != NoSeal {
			out = append(out, b)
		}
	}
	return out
}

// RulesFor lists the rules that judge the field at path ("host.years") or count or compare the
// table with that key, in the file's order.
func (d *Definition) RulesFor(path string) []Rule {
	var out []Rule
	for _, r := range d.Rules {
		if contains(r.Fields, path) || contains(r.Tables, path) {
			out = append(out, r)
		}
	}
	return out
}

// Stored reports whether a draft holds values for the block.
func (b Block) Stored() bool {
	switch b.Kind {
	case FieldsBlock, TableBlock, TextBlock:
		return !b.LeaveBlank && b.Key != ""
	}
	return false
}
