package docx

import (
	"bytes"
	"strconv"
	"time"

	"shenbao/forms"
)

// Namespaces of WordprocessingML and DrawingML.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
)

// Fonts: the East Asian face is 宋体 (SimSun), as Chinese official forms are set; Latin letters
// and digits in Times New Roman; the printed boxes ☐ ☑ in Segoe UI Symbol (boxes).
const (
	fontEastAsia = "宋体"
	fontLatin    = "Times New Roman"
	fontSymbol   = "Segoe UI Symbol"
)

// Style ids. Word shows the names; the ids are what the document refers to.
const (
	styleNormal   = "Normal"
	styleTitle    = "FormTitle"
	styleCell     = "FormCell"    // 五号 centred: short values
	styleLabel    = "FormLabel"   // 五号 bold centred: the form's labels
	styleCellLeft = "FormLeft"    // 五号 left: the 已设工作室 lines, the opinion sub-label
	styleHeading  = "FormHeading" // 四号 bold letter-spaced centred: the person tables' headings
	styleLong     = "FormLong"    // 小四, 1.5 lines, 2-character first-line indent
	styleFooter   = "Footer"      //
	styleHeader   = "Header"      //
	styleTable    = "TableGrid"   // the form's one table: single lines everywhere
)

// fontsRPr is the run fonts every style inherits from the defaults. The East Asian hint
// makes Word set the characters both scripts share (“ ” ‘ ’ · …… ——) in 宋体, full width, as
// Chinese text wants them, not in Times New Roman.
func fontsRPr() string {
	return `<w:rFonts w:ascii="` + fontLatin + `" w:eastAsia="` + fontEastAsia + `" w:hAnsi="` + fontLatin + `" w:cs="` + fontLatin + `" w:hint="eastAsia"/>`
}

// sz is a font size element pair in half-points.
func sz(halfPoints int) string {
	s := strconv.Itoa(halfPoints)
	return `<w:sz w:val="` + s + `"/><w:szCs w:val="` + s + `"/>`
}

// stylesXML holds the defaults (fonts, 五号, zh-CN) and the few styles the form uses, so a
// teacher who edits the file in Word keeps the same look by picking them.
func stylesXML(g geom) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<w:styles xmlns:w="` + nsW + `">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + fontsRPr() + `<w:kern w:val="2"/>` + sz(g.tableSize) +
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>` + noGridPPr + exact(0, g.tableLine) + `<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)

	// The defaults again in Normal: LibreOffice takes autoSpaceDE/DN only from a style.
	paraStyle(&b, styleNormal, "Normal", "", true, `<w:widowControl w:val="0"/>`+noGridPPr, "")
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)

	paraStyle(&b, styleTitle, "申报表标题", styleNormal, false,
		`<w:keepNext/>`+exact(g.titleAfter, g.titleLine)+`<w:jc w:val="center"/><w:outlineLvl w:val="0"/>`,
		`<w:b/><w:bCs/>`+sz(g.titleSize))
	paraStyle(&b, styleCell, "表格文字", styleNormal, false,
		`<w:jc w:val="center"/>`, sz(g.tableSize))
	paraStyle(&b, styleLabel, "表格标签", styleCell, false, "", `<w:b/><w:bCs/>`)
	paraStyle(&b, styleHeading, "表格小节标题", styleLabel, false, exact(0, g.headingLine),
		`<w:spacing w:val="`+strconv.Itoa(g.headingTracking)+`"/>`+sz(g.headingSize))
	paraStyle(&b, styleCellLeft, "表格文字（左齐）", styleCell, false,
		`<w:jc w:val="left"/>`, "")
	paraStyle(&b, styleLong, "填写正文", styleNormal, false,
		exact(0, g.longLine)+`<w:ind w:firstLineChars="200" w:firstLine="`+strconv.Itoa(2*g.longSize*10)+`"/><w:jc w:val="both"/>`,
		sz(g.longSize))
	paraStyle(&b, styleHeader, "header", styleNormal, false,
		`<w:jc w:val="center"/>`, sz(g.footerSize))
	// The page number ends at the right margin, as on the PDF.
	paraStyle(&b, styleFooter, "footer", styleNormal, false,
		`<w:jc w:val="right"/>`, sz(g.footerSize))

	b.WriteString(`<w:style w:type="table" w:styleId="` + styleTable + `"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>` +
		`<w:tblPr><w:tblBorders>` + borders("top", "left", "bottom", "right", "insideH", "insideV") + `</w:tblBorders></w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.Bytes()
}

// noGridPPr keeps Word's layout of lines to what the PDF does, whatever font stands in for
// 宋体: no space added between Chinese and Latin text or digits (autoSpaceDE/DN; the PDF adds
// none), and no snapping of lines to a document grid (snapToGrid; the section has no
// docGrid either). In schema order, between widowControl and spacing.
const noGridPPr = `<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>`

// exact is paragraph spacing of after twips below and lines exactly line twips apart: the
// PDF's line pitch, so a page holds as many lines in Word as in the PDF whatever the font's
// own line height.
func exact(after, line int) string {
	return `<w:spacing w:before="0" w:after="` + strconv.Itoa(after) + `" w:line="` + strconv.Itoa(line) + `" w:lineRule="exact"/>`
}

// paraStyle writes one paragraph style; pPr and rPr are their contents in schema order.
func paraStyle(b *bytes.Buffer, id, name, basedOn string, isDefault bool, pPr, rPr string) {
	b.WriteString(`<w:style w:type="paragraph"`)
	if isDefault {
		b.WriteString(` w:default="1"`)
	}
	b.WriteString(` w:styleId="` + id + `"><w:name w:val="` + escaped(name) + `"/>`)
	if basedOn != "" {
		b.WriteString(`<w:basedOn w:val="` + basedOn + `"/>`)
	}
	b.WriteString(`<w:qFormat/>`)
	if pPr != "" {
		b.WriteString(`<w:pPr>` + pPr + `</w:pPr>`)
	}
	if rPr != "" {
		b.WriteString(`<w:rPr>` + rPr + `</w:rPr>`)
	}
	b.WriteString(`</w:style>`)
}

// borders is single 0.5 pt black lines on the named sides, in the order given (callers keep
// the schema's order: top, left, bottom, right, insideH, insideV).
func borders(sides ...string) string {
	var s string
	for _, side := range sides {
		s += `<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
	}
	return s
}

// settingsXML: no compression of Chinese punctuation (the PDF sets every full-width mark a
// full em), and the compatibility mode of Word 2013+, so
// Word does not open the file in compatibility mode; none of the legacy layout switches that
// would make Word set lines differently from the PDF.
func settingsXML() []byte {
	return []byte(xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
		`<w:zoom w:percent="100"/>` +
		`<w:defaultTabStop w:val="420"/>` +
		`<w:drawingGridVerticalSpacing w:val="156"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:useFELayout/>` +
		`<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>` +
		`<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>` +
		`</w:settings>`)
}

// fontTableXML describes the faces the document sets, so that Word and WPS substitute sensibly
// where one is missing (charset 86 is GB2312): the two of the text and the symbol face of the
// printed boxes (boxFont).
func fontTableXML() []byte {
	return []byte(xmlHeader + `<w:fonts xmlns:w="` + nsW + `">` +
		`<w:font w:name="` + fontLatin + `"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
		`<w:font w:name="` + fontEastAsia + `"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
		`<w:font w:name="` + fontSymbol + `"><w:panose1 w:val="020B0502040204020203"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
		`</w:fonts>`)
}

// footerXML prints 第 N 页 共 M 页 with PAGE and NUMPAGES fields, so the numbers stay right
// however the teacher's edits reflow the pages.
func footerXML() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<w:ftr xmlns:w="` + nsW + `"><w:p><w:pPr><w:pStyle w:val="` + styleFooter + `"/></w:pPr>`)
	b.WriteString(`<w:r><w:t xml:space="preserve">第 </w:t></w:r>`)
	field(&b, "PAGE")
	b.WriteString(`<w:r><w:t xml:space="preserve"> 页 共 </w:t></w:r>`)
	field(&b, "NUMPAGES")
	b.WriteString(`<w:r><w:t xml:space="preserve"> 页</w:t></w:r>`)
	b.WriteString(`</w:p></w:ftr>`)
	return b.Bytes()
}

// field writes a complex field with a cached result of 1; Word and LibreOffice recompute it.
func field(b *bytes.Buffer, instr string) {
	b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`)
	b.WriteString(`<w:r><w:instrText xml:space="preserve"> ` + instr + ` \* MERGEFORMAT </w:instrText></w:r>`)
	b.WriteString(`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	b.WriteString(`<w:r><w:t>1</w:t></w:r>`)
	b.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
}

// DraftMark is printed at the top of every page of a draft export, as on the PDF.
const DraftMark = "草稿（未通过检查）"

// headerXML carries the draft mark on every page in two forms: a line of red text at the top,
// and a watermark as Word makes them — a grey VML text shape across the page, behind the
// text, anchored to the page centre (Word, WPS and LibreOffice read it; a DrawingML text box
// would need Word 2010 extensions that the transitional schemas do not hold). The shape type
// carries no path: a path makes LibreOffice draw a plain line instead of the text.
func headerXML(g geom) []byte {
	w := float64(g.markSize) / 2 * float64(len([]rune(DraftMark))) // one em per character
	h := float64(g.markSize) / 2
	style := "position:absolute;margin-left:0;margin-top:0;width:" + ftoa(w) + "pt;height:" + ftoa(h) + "pt;" +
		"rotation:315;z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;" +
		"mso-position-vertical:center;mso-position-vertical-relative:margin"
	return []byte(xmlHeader + `<w:hdr xmlns:w="` + nsW + `" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">` +
		`<w:p><w:pPr><w:pStyle w:val="` + styleHeader + `"/></w:pPr>` +
		`<w:r><w:rPr><w:noProof/></w:rPr><w:pict>` +
		`<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136"><v:path textpathok="t" o:connecttype="custom"/>` +
		`<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>` +
		`<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s1025" type="#_x0000_t136" style="` + style + `" o:allowincell="f" fillcolor="silver" stroked="f">` +
		`<v:fill opacity=".5"/><v:textpath style="font-family:&quot;` + fontEastAsia + `&quot;;font-size:1pt" string="` + DraftMark + `"/>` +
		`</v:shape></w:pict></w:r>` +
		`<w:r><w:rPr><w:b/><w:bCs/><w:color w:val="C00000"/></w:rPr><w:t>` + DraftMark + `</w:t></w:r></w:p></w:hdr>`)
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// coreXML holds the title, author and the given creation time (left out when zero, so an
// export without a time stays reproducible).
func coreXML(d *forms.Draft, opt Options) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>`)
	writeEscaped(&b, documentTitle(d))
	b.WriteString(`</dc:title>`)
	if opt.Author != "" {
		b.WriteString(`<dc:creator>`)
		writeEscaped(&b, opt.Author)
		b.WriteString(`</dc:creator><cp:lastModifiedBy>`)
		writeEscaped(&b, opt.Author)
		b.WriteString(`</cp:lastModifiedBy>`)
	}
	b.WriteString(`<dc:language>zh-CN</dc:language>`)
	if !opt.Created.IsZero() {
		t := opt.Created.UTC().Format(time.RFC3339)
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created>`)
		b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.Bytes()
}

// documentTitle is the form's title, followed by the host's unit and name when known, as
// the file is named.
func documentTitle(d *forms.Draft) string {
	t := d.Form().Title
	unit, name := d.Applicant()
	for _, v := range []string{unit, name} {
		if v := cleanText(v); len(v) > 0 {
			t += "-" + v
		}
	}
	return t
}

// appXML names the program that wrote the file.
func appXML(opt Options) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	b.WriteString(`<Template>Normal.dotm</Template><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>`)
	if opt.Creator != "" {
		b.WriteString(`<Application>`)
		writeEscaped(&b, opt.Creator)
		b.WriteString(`</Application>`)
	}
	b.WriteString(`</Properties>`)
	return b.Bytes()
}
