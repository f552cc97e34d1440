package forms

import (
	"fmt"
	"strconv"
	"strings"
)

// The notice's conditions are data (Definition.Rules, docs/form-format.md): this file judges
// them. The checks of a field's kind (a number that is no number, a date that is no date)
// stay in check.go; what the notice asks of the value (5 years or more, 20 to 65 years old,
// one of the six counties, 1 to 2 advisers, nobody twice) is a rule with its own message.

// rulePath is the path rules name a field by: "host.years", a table's column "advisers.birth",
// a text block's key "plan".
func rulePath(b Block, f Field) string {
	if b.Kind == TextBlock {
		return b.Key
	}
	return b.Key + "." + f.Key
}

// fieldRules are the rules of kind k that judge field f of block b, errors before warnings
// (each in the file's order): the first one broken is the one said.
func (c *checker) fieldRules(b Block, f Field, k RuleKind) []Rule {
	path := rulePath(b, f)
	var errs, warns []Rule
	for _, r := range c.d.Form().Rules {
		if r.Kind != k || !contains(r.Fields, path) {
			continue
		}
		if r.Severity == Error {
			errs = append(errs, r)
		} else {
			warns = append(warns, r)
		}
	}
	return append(errs, warns...)
}

// outside says whether n breaks the rule's bounds.
func (r Rule) outside(n int) bool { return r.HasMin && n < r.Min || r.HasMax && n > r.Max }

// bounds are the placeholders of a rule's own bounds.
func (r Rule) bounds(args map[string]string) map[string]string {
	if r.HasMin {
		args["min"] = strconv.Itoa(r.Min)
	}
	if r.HasMax {
		args["max"] = strconv.Itoa(r.Max)
	}
	return args
}

// addRule adds the finding of a broken rule, its message filled in.
func (c *checker) addRule(b Block, path string, r Rule, args map[string]string) {
	c.out = append(c.out, Finding{Path: path, Block: b.Key, Severity: r.Severity, Message: r.Format(r.bounds(args))})
}

// numberRules judge a whole number: the first rule broken gives its finding.
func (c *checker) numberRules(b Block, f Field, path, name string, n int) {
	for _, r := range c.fieldRules(b, f, NumberRule) {
		if r.outside(n) {
			c.addRule(b, path, r, map[string]string{"where": name, "value": strconv.Itoa(n)})
			return
		}
	}
}

// ageRules judge the age a year-month gives at the check's date.
func (c *checker) ageRules(b Block, f Field, path, name string, y, m int) {
	age := c.now.Year() - y
	if int(c.now.Month()) < m {
		age--
	}
	for _, r := range c.fieldRules(b, f, AgeRule) {
		if r.outside(age) {
			c.addRule(b, path, r, map[string]string{"where": name, "value": fmt.Sprintf("%04d.%02d", y, m), "age": strconv.Itoa(age)})
			return
		}
	}
}

// listRules judge membership in a named list; true when a rule judged the field (its message
// then stands for the choice's own check).
func (c *checker) listRules(b Block, f Field, path, name, v string) bool {
	rules := c.fieldRules(b, f, OneOfRule)
	for _, r := range rules {
		list := c.d.Form().Lists[r.List]
		if !contains(list, v) {
			c.addRule(b, path, r, map[string]string{"where": name, "value": v, "list": choiceList(list)})
			return true
		}
	}
	return len(rules) > 0
}

// rowRules judge how many rows of a table are filled: errors before warnings, the first rule
// broken is said. Too few is something missing; too many a limit passed.
func (c *checker) rowRules(b Block, n int) {
	var errs, warns []Rule
	for _, r := range c.d.Form().Rules {
		if r.Kind != RowsRule || !contains(r.Tables, b.Key) {
			continue
		}
		if r.Severity == Error {
			errs = append(errs, r)
		} else {
			warns = append(warns, r)
		}
	}
	for _, r := range append(errs, warns...) {
		if !r.outside(n) {
			continue
		}
		args := map[string]string{"table": b.Nav, "n": strconv.Itoa(n)}
		if r.HasMax {
			args["over"] = strconv.Itoa(n - r.Max)
		}
		if r.HasMin {
			args["under"] = strconv.Itoa(r.Min - n)
		}
		c.addRule(b, b.Key, r, args)
		switch {
		case r.Severity != Error:
		case r.HasMin && n < r.Min:
			c.missing()
		default:
			c.limit()
		}
		return
	}
}

// samePerson judges the same_person rules that compare table b: nobody listed twice in b, nor
// listed in b and in a table compared before it, nor as the applicant.
func (c *checker) samePerson(b Block, rows []int) {
	for _, r := range c.d.Form().Rules {
		if r.Kind == SamePersonRule && contains(r.Tables, b.Key) {
			c.duplicates(b, rows, r)
		}
	}
}

// duplicates reports, for one same_person rule, each row of b whose person (the rule's match
// columns together) was seen before: as the applicant, in an earlier table of the rule, or
// higher in b.
func (c *checker) duplicates(b Block, rows []int, r Rule) {
	form := c.d.Form()
	seen := map[string]string{}
	if len(r.Applicant) == len(r.Match) && len(r.Applicant) > 0 {
		var vals []string
		var host Block
		for _, p := range r.Applicant {
			hb, f, ok := form.Field(p)
			if !ok {
				vals = nil
				break
			}
			host = hb
			vals = append(vals, c.d.Value(hb, f, 0))
		}
		if key := personKey(vals); key != "" {
			seen[key] = host.Nav
		}
	}
	for _, key := range r.Tables {
		if key == b.Key {
			break
		}
		earlier, ok := form.Block(key)
		if !ok {
			continue
		}
		for _, row := range c.d.FilledRows(earlier) {
			if k := personKey(rowValues(c.d, earlier, r.Match, row)); k != "" {
				seen[k] = fmt.Sprintf("%s第%d行", earlier.Nav, row)
			}
		}
	}
	name := b.NameColumn()
	if len(r.Match) > 0 {
		name = b.Field(r.Match[0])
	}
	for _, row := range rows {
		key := personKey(rowValues(c.d, b, r.Match, row))
		if key == "" {
			continue
		}
		if first, dup := seen[key]; dup {
			c.addRule(b, Path(b, name, row), r, map[string]string{"table": b.Nav, "row": strconv.Itoa(row), "first": first,
				"where": fmt.Sprintf("%s第%d行", b.Nav, row)})
			continue
		}
		seen[key] = fmt.Sprintf("%s第%d行", b.Nav, row)
	}
}

// rowValues are a row's values of the columns with the keys.
func rowValues(d *Draft, b Block, keys []string, row int) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = d.Value(b, b.Field(k), row)
	}
	return out
}

// personKey is who a person is by the values that say so (a name and a mobile): spaces in a
// name dropped, a phone as its digits (+86 138… is 138…). "" when any of them is empty.
func personKey(vals []string) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		if i == 0 {
			v = strings.Join(strings.Fields(v), "")
		} else {
			v = Plain(v)
			if p, ok := ParseMobile(v); ok {
				v = p
			}
		}
		if v == "" {
			return ""
		}
		parts[i] = v
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "\x00")
}
