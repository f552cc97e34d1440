package text

// Chinese line-breaking rules (禁则) applied on top of UAX #14. UAX #14 already forbids most of
// these breaks, but not all (it allows a break before “ ” after a CJK character, before ·, ％ …),
// and these sets are what a Chinese reader checks, so they are spelled out in full.

// noStart reports whether r must not begin a line: closing punctuation, pause and stop marks,
// the second half of —— and ……, the middle dot of foreign names, percent signs, and the
// ideographic space (a full-width blank at a line start would look like an indent).
func noStart(r rune) bool {
	if r < 0x80 {
		switch r {
		case ',', '.', ';', ':', '?', '!', ')', ']', '}', '%':
			return true
		}
		return false
	}
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '．', '｡', '､',
		'）', '］', '｝', '〕', '〉', '》', '」', '』', '】', '〗', '〙', '｠', '｣',
		'”', '’', '〞', '〟',
		'…', '‥', '—', '―',
		'·', '・', '％', '‰',
		'\u3000':
		return true
	}
	return false
}

// noEnd reports whether r must not end a line: opening brackets and quotes.
func noEnd(r rune) bool {
	if r < 0x80 {
		return r == '(' || r == '[' || r == '{'
	}
	switch r {
	case '（', '［', '｛', '〔', '〈', '《', '「', '『', '【', '〖', '〘', '｟', '｢',
		'“', '‘', '〝':
		return true
	}
	return false
}

// pairHalf reports whether a and b are the two halves of a Chinese dash (——) or ellipsis (……),
// which are one punctuation mark printed over two character cells.
func pairHalf(a, b rune) bool {
	dash := func(r rune) bool { return r == '—' || r == '―' }
	return (dash(a) && dash(b)) || (a == '…' && b == '…')
}

// hangs reports whether r may hang past the line end without counting in its width: spaces
// (drawn as nothing) and the mandatory-break characters, which end a line anyway.
func hangs(r rune) bool {
	switch r {
	case ' ', '\u3000', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// blank reports whether r is a space that may begin a paragraph as an indent.
func blank(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' }
