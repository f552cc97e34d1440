package distcheck

import (
	"bytes"
	"debug/pe"
	"os"
	"testing"
)

// comPath is the console build shipped beside the .exe (Makefile `windows`, main_windows.go).
const comPath = "../../dist/shenbao-windows-amd64.com"

// The console build is the same program as the .exe but for its subsystem: a console program
// (cmd waits for it and gets its exit code), with the same icon, version information and
// manifest, the same DLLs, stripped.
func TestWindowsConsoleBuild(t *testing.T) {
	if _, err := os.Stat(comPath); err != nil {
		t.Skipf("%s is not built: run `make windows` first", comPath)
	}
	f, err := pe.Open(comPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok || f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Fatalf("not an AMD64 PE32+ program")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
		t.Errorf("subsystem %d, want WINDOWS_CUI (%d): cmd would not wait for it", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
	}
	if f.NumberOfSymbols != 0 {
		t.Errorf("%d COFF symbols: not stripped", f.NumberOfSymbols)
	}
	if st, _ := os.Stat(comPath); st.Size() > maxSize {
		t.Errorf("size %d > %d bytes", st.Size(), maxSize)
	}
	libs, err := importedDLLs(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkImports(libs); err != nil {
		t.Error(err)
	}
	com, err := resources(f)
	if err != nil {
		t.Fatal(err)
	}
	exe := exeResources(t)
	if len(com) != len(exe) {
		t.Fatalf("%d resources, the .exe has %d", len(com), len(exe))
	}
	for i := range exe {
		a, b := exe[i], com[i]
		if a.Type != b.Type || a.Name != b.Name || a.Lang != b.Lang || !bytes.Equal(a.Data, b.Data) {
			t.Errorf("resource %d (type %d %s) differs from the .exe's", i, a.Type, a.Name)
		}
	}
	t.Logf("%d resources as in the .exe; imports %d DLLs", len(com), len(libs))
}
