package platform

import (
	"testing"
	"unsafe"
)

func TestIMEStructSizes(t *testing.T) {
	// The sizes of imm.h's structures, which the input method reads and writes in place.
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"COMPOSITIONFORM", unsafe.Sizeof(compositionForm{}), 28},
		{"CANDIDATEFORM", unsafe.Sizeof(candidateForm{}), 32},
		{"IMECHARPOSITION", unsafe.Sizeof(imeCharPosition{}), 36},
	} {
		if c.got != c.want {
			t.Errorf("%s is %d bytes, want %d", c.name, c.got, c.want)
		}
	}
}

func TestBoxPixels(t *testing.T) {
	for _, c := range []struct {
		x, y, w, h, s float32
		want          Rect
	}{
		{100, 50, 300, 36, 1, Rect{100, 50, 300, 36}},
		{100.5, 50.5, 300, 36, 1.25, Rect{125, 63, 376, 46}}, // 125.6→125, 63.1→63; 500.6→501, 108.1→109
		{-10, -5, 20, 10, 1.5, Rect{0, 0, 15, 8}},
		{10, 10, 0, 0, 2, Rect{20, 20, 0, 0}},
		{10, 10, 5, 5, 0, Rect{10, 10, 5, 5}},
	} {
		if got := BoxPixels(c.x, c.y, c.w, c.h, c.s); got != c.want {
			t.Errorf("BoxPixels(%v, %v, %v, %v, %v) = %+v, want %+v", c.x, c.y, c.w, c.h, c.s, got, c.want)
		}
	}
}

func TestIMERequestAnswers(t *testing.T) {
	// A caret in 主持人姓名 at 125 %: the field is 376×46 pixels at client (450, 160), the
	// caret's line 26 pixels high; the client area starts at (208, 131) on the screen (a
	// window at 200,100 with a 31-pixel title bar) and is 1625×875.
	caret := Caret{X: 470, Y: 170, W: 1, H: 26, Field: Rect{450, 160, 376, 46}}
	view := imeView{caret: caret, origin: point{208, 131}, client: Rect{W: 1625, H: 875}}

	comp := compositionForm{Style: 0xdead}
	if !answerIMERequest(imrCompositionWindow, unsafe.Pointer(&comp), view) {
		t.Fatal("IMR_COMPOSITIONWINDOW not answered")
	}
	if want := (compositionForm{Style: cfsPoint, Pos: point{470, 170}}); comp != want {
		t.Errorf("COMPOSITIONFORM = %+v, want %+v (client pixels)", comp, want)
	}

	for _, index := range []uint32{0, 2} {
		cand := candidateForm{Index: index}
		if !answerIMERequest(imrCandidateWindow, unsafe.Pointer(&cand), view) {
			t.Fatalf("IMR_CANDIDATEWINDOW %d not answered", index)
		}
		want := candidateForm{Index: index, Style: cfsExclude, Pos: point{470, 196}, Area: rect{470, 170, 471, 196}}
		if cand != want {
			t.Errorf("CANDIDATEFORM %d = %+v, want %+v (below the line, the line excluded, client pixels)", index, cand, want)
		}
	}

	for _, charPos := range []uint32{0, 3} {
		q := imeCharPosition{Size: 36, CharPos: charPos}
		if !answerIMERequest(imrQueryCharPosition, unsafe.Pointer(&q), view) {
			t.Fatalf("IMR_QUERYCHARPOSITION %d not answered", charPos)
		}
		want := imeCharPosition{Size: 36, CharPos: charPos, Pt: point{678, 301}, LineHeight: 26, Document: rect{658, 291, 1034, 337}}
		if q != want {
			t.Errorf("IMECHARPOSITION for character %d = %+v, want %+v (screen pixels)", charPos, q, want)
		}
	}

	// No field known: the document is the client area.
	bare := view
	bare.caret.Field = Rect{}
	q := imeCharPosition{Size: 36}
	answerIMERequest(imrQueryCharPosition, unsafe.Pointer(&q), bare)
	if want := (rect{208, 131, 208 + 1625, 131 + 875}); q.Document != want {
		t.Errorf("document without a field = %+v, want the client area %+v", q.Document, want)
	}

	// Left to the window's own procedure: a short IMECHARPOSITION (untouched), other requests,
	// no structure.
	short := imeCharPosition{Size: 20}
	if answerIMERequest(imrQueryCharPosition, unsafe.Pointer(&short), view) || short != (imeCharPosition{Size: 20}) {
		t.Errorf("a 20-byte IMECHARPOSITION was answered: %+v", short)
	}
	const imrReconvertString, imrDocumentFeed = 4, 7
	var buf [64]byte
	for _, req := range []uintptr{0, 3, imrReconvertString, imrDocumentFeed, 99} {
		if answerIMERequest(req, unsafe.Pointer(&buf), view) {
			t.Errorf("request %d answered", req)
		}
	}
	if answerIMERequest(imrCompositionWindow, nil, view) {
		t.Error("a request without a structure answered")
	}
}
