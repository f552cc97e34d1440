package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
	"shenbao/roster"
)

// writeWorkbook writes a workbook file for a test through the function given.
func writeWorkbook(t *testing.T, name string, write func(io.Writer) error) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := forms.WriteFile(p, false, write); err != nil {
		t.Fatal(err)
	}
	return p
}

// otherRoster is a draft whose advisers and members differ from the sample's: one adviser,
// three members.
func otherRoster() *forms.Draft {
	d := forms.Sample(forms.Default())
	for d.Rows("advisers") > 1 {
		d.RemoveRow("advisers", d.Rows("advisers"))
	}
	for d.Rows("members") > 3 {
		d.RemoveRow("members", d.Rows("members"))
	}
	d.Set("advisers[1].name", "覃导师")
	for r := 1; r <= 3; r++ {
		d.Set(fmt.Sprintf("members[%d].name", r), fmt.Sprintf("导入成员%d", r))
	}
	return d
}

// importHarness opens the sample and answers the file dialog with the workbook at path.
func importHarness(t *testing.T, path string) (*harness, []byte) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("工作室成员")
	h.files.open = path
	return h, h.u.d.Marshal()
}

func unchanged(t *testing.T, h *harness, before []byte) {
	t.Helper()
	if !bytes.Equal(h.u.d.Marshal(), before) {
		t.Error("the draft changed")
	}
	if h.u.dirty || strings.Contains(h.u.win.Title(), "*") {
		t.Errorf("the draft is marked unsaved: %q", h.u.win.Title())
	}
}

func TestImportRosterReplacesTheTables(t *testing.T) {
	other := otherRoster()
	path := writeWorkbook(t, "名单.xlsx", func(w io.Writer) error { return roster.ExportRoster(w, other) })
	h, before := importHarness(t, path)
	h.u.importRoster()
	text := h.overlayTexts()
	for _, s := range []string{"名单.xlsx", "将导入 1 名指导老师", "将替换现有的 2 名指导老师", "将导入 3 名工作室成员", "将替换现有的 5 名工作室成员", "[取消]", "[导入]"} {
		if !strings.Contains(text, s) {
			t.Errorf("the dialog does not say %q:\n%s", s, text)
		}
	}
	if !bytes.Equal(h.u.d.Marshal(), before) {
		t.Fatal("the draft changed before 导入")
	}
	h.tapButton("导入")
	for _, b := range forms.Default().Blocks {
		if b.Kind != forms.TableBlock {
			continue
		}
		if got, want := len(h.u.d.FilledRows(b)), len(other.FilledRows(b)); got != want {
			t.Errorf("%s: %d rows filled, want %d", b.Key, got, want)
		}
		for _, r := range other.FilledRows(b) {
			for _, f := range b.Fields {
				if got, want := h.u.d.Value(b, f, r), other.Value(b, f, r); got != want {
					t.Errorf("%s: %q, want %q", forms.Path(b, f, r), got, want)
				}
			}
		}
	}
	if h.u.d.Get("host.name") != forms.Sample(forms.Default()).Get("host.name") {
		t.Error("the import touched the host block")
	}
	if !h.u.dirty || !strings.Contains(h.u.win.Title(), "*") {
		t.Errorf("not marked unsaved: %q", h.u.win.Title())
	}
	// The member page shows the new rows, the checks ran, the autosave covers the import.
	if got := h.entry("members[1].name").Text; got != "导入成员1" {
		t.Errorf("the member page shows %q", got)
	}
	if h.u.views["members[4].name"] != nil && h.entry("members[4].name").Text != "" {
		t.Error("an old member still shows in row 4")
	}
	if len(h.u.findings) == 0 || !strings.Contains(h.u.counts.Text, "个错误") {
		t.Errorf("checks did not run: %q", h.u.counts.Text)
	}
	h.clock.Advance(3 * time.Second)
	if len(autosaves(t, h.config)) != 1 {
		t.Error("no autosave after the import")
	}
	// The file on disk keeps the old tables until the user saves.
	if d, err := forms.Load(h.u.path); err != nil || !bytes.Equal(d.Marshal(), before) {
		t.Errorf("the draft file changed: %v", err)
	}
}

func TestImportRosterCancelChangesNothing(t *testing.T) {
	path := writeWorkbook(t, "名单.xlsx", func(w io.Writer) error { return roster.ExportRoster(w, otherRoster()) })
	h, before := importHarness(t, path)
	h.u.importRoster()
	h.tapButton("取消")
	unchanged(t, h, before)
	if got := h.entry("members[1].name").Text; got != forms.Sample(forms.Default()).Get("members[1].name") {
		t.Errorf("the member page shows %q", got)
	}
}

// Eight members: every one beyond the fifth is an 错误 with its row; only 关闭 is offered.
func TestImportRosterWithErrorsOnlyCloses(t *testing.T) {
	path := writeWorkbook(t, "八名成员.xlsx", func(w io.Writer) error {
		f := excelize.NewFile()
		defer f.Close()
		f.SetSheetName("Sheet1", "工作室成员")
		f.SetSheetRow("工作室成员", "A1", &[]any{"序号", "姓名", "性别", "出生年月", "所在单位", "职称", "职务", "研究方向", "手机号码"})
		for i := 1; i <= 8; i++ {
			f.SetSheetRow("工作室成员", fmt.Sprintf("A%d", i+1), &[]any{i, fmt.Sprintf("成员%d", i), "女", "1990.01",
				"柳州市某中学", "一级教师", "班主任", "德育", fmt.Sprintf("1381234567%d", i)})
		}
		return f.Write(w)
	})
	h, before := importHarness(t, path)
	h.u.importRoster()
	text := h.overlayTexts()
	for _, s := range []string{"不能导入名单", "工作室成员：名单中有 8 名，草稿中现有 5 名", "错误 工作表“工作室成员”第7行", "第9行", "没有导入", "草稿没有改动", "改正", "再导入", "[关闭]"} {
		if !strings.Contains(text, s) {
			t.Errorf("the dialog does not say %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, "[导入]") || strings.Contains(text, "[取消]") || strings.Contains(text, "将导入") {
		t.Errorf("a refused workbook offers more than 关闭:\n%s", text)
	}
	h.tapButton("关闭")
	unchanged(t, h, before)
}

func TestImportUnreadableWorkbookSaysWhy(t *testing.T) {
	for _, c := range []struct{ name, content, want string }{
		{"名单.xlsx", "这不是工作簿", roster.ErrNotWorkbook.Error()},
		{"不存在.xlsx", "", "无法读取"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), c.name)
			if c.content != "" {
				os.WriteFile(path, []byte(c.content), 0o644)
			}
			h, before := importHarness(t, path)
			h.u.importRoster()
			text := h.overlayTexts()
			if !strings.Contains(text, c.want) || !strings.Contains(text, "草稿没有改动") || !strings.Contains(text, "[确定]") {
				t.Errorf("message:\n%s", text)
			}
			h.tapButton("确定")
			unchanged(t, h, before)
		})
	}
}

func TestExportRosterAndTemplateAreReadable(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	dir := t.TempDir()
	for _, c := range []struct {
		do      func()
		name    string
		members int
	}{
		{h.u.exportRoster, "名单.xlsx", len(h.u.d.FilledRows(mustTable(t, "members")))},
		{h.u.saveRosterTemplate, "模板.xlsx", 0},
	} {
		h.files.save = filepath.Join(dir, c.name)
		h.revealed = nil
		c.do()
		text := h.overlayTexts()
		if !strings.Contains(text, h.files.save) || !strings.Contains(text, "[打开文件夹]") {
			t.Errorf("%s: the result does not show the path:\n%s", c.name, text)
		}
		h.tapButton("打开文件夹")
		if len(h.revealed) != 1 || len(h.revealed[0]) != 1 || h.revealed[0][0] != h.files.save {
			t.Errorf("%s: showed %q", c.name, h.revealed)
		}
		h.closeDialogs()
		r, ps, err := readRosterFile(forms.Default(), h.files.save, "")
		if err != nil || c.members > 0 && roster.Refused(ps) { // the empty template is refused as "nobody"
			t.Fatalf("%s: %v %v", c.name, err, ps)
		}
		if r.Count("members") != c.members {
			t.Errorf("%s: %d members read back, want %d", c.name, r.Count("members"), c.members)
		}
	}
	if h.u.set.RosterDir != dir {
		t.Errorf("folder not remembered: %q", h.u.set.RosterDir)
	}
	if h.u.dirty {
		t.Error("exporting marked the draft unsaved")
	}
}

func mustTable(t *testing.T, key string) forms.Block {
	t.Helper()
	b, ok := forms.Default().Block(key)
	if !ok {
		t.Fatalf("no block %s", key)
	}
	return b
}

// Importing into a new draft shows the imported rows' findings at once, but does not cover
// the host's empty fields in red.
func TestImportIntoNewDraftMarksOnlyTheImportedRows(t *testing.T) {
	other := otherRoster()
	other.Set("members[2].mobile", "")
	path := writeWorkbook(t, "名单.xlsx", func(w io.Writer) error { return roster.ExportRoster(w, other) })
	h := newHarness(t, "")
	h.u.Start("")
	h.files.open = path
	h.u.importRoster()
	h.tapButton("导入")
	if h.u.d.Get("members[2].name") != "导入成员2" || !h.u.dirty {
		t.Fatal("not imported")
	}
	if n := h.u.visibleErrors("host"); n != 0 {
		t.Errorf("%d 错误 shown on the empty host block", n)
	}
	if n := h.u.visibleErrors("members"); n == 0 {
		t.Error("the imported member without a mobile is not marked")
	}
}
