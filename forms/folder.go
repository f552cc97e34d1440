package forms

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// MaxFolderForms bounds the definition files read from the user's forms folder: a bureau
// publishes a few forms a year, so hundreds of files are not a forms folder.
const MaxFolderForms = 50

// ReadDefinition reads a definition file (regular files only, at most MaxDefinitionSize).
func ReadDefinition(path string) (*Definition, error) {
	data, err := ReadRegular(path, MaxDefinitionSize)
	if errors.Is(err, ErrFileTooLarge) {
		return nil, fmt.Errorf("%s：文件超过 1 MB，不是申报表定义文件", filepath.Base(path))
	}
	if err != nil {
		return nil, err
	}
	return ParseDefinition(data, filepath.Base(path))
}

// LoadFolder reads every *.toml of the user's forms folder and registers the forms that load;
// each file that does not is returned with why, and never stops the others (nor the program).
// A missing folder is no problem: most users have none.
func LoadFolder(dir string) []error {
	names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil || len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	var problems []error
	if len(names) > MaxFolderForms {
		problems = append(problems, fmt.Errorf("表格文件夹 %s 里有 %d 个定义文件，只读取了前 %d 个", dir, len(names), MaxFolderForms))
		names = names[:MaxFolderForms]
	}
	for _, n := range names {
		if strings.HasPrefix(filepath.Base(n), ".") {
			continue
		}
		def, err := ReadDefinition(n)
		var bad *DefinitionError
		switch {
		case errors.As(err, &bad) && len(bad.Problems) > 0:
			more := ""
			if len(bad.Problems) > 1 {
				more = fmt.Sprintf("（共%d处问题，shenbao form check 列出全部）", len(bad.Problems))
			}
			problems = append(problems, fmt.Errorf("%s %s%s", filepath.Base(n), bad.Problems[0], more))
			continue
		case err != nil:
			problems = append(problems, fmt.Errorf("%s：%s", filepath.Base(n), Message(err)))
			continue
		}
		if other := sameID(def); other != nil {
			problems = append(problems, fmt.Errorf("%s：编号（id）“%s”已是另一种表格“%s”的编号，没有读取：请给这个表格另起一个编号", filepath.Base(n), def.ID, other.Title))
			continue
		}
		Register(def)
	}
	return problems
}

// sameID is a known form with def's id but drafts of another format: two forms that --form
// and the form list could not tell apart. (One with def's draft format is def's older copy,
// which def replaces.)
func sameID(def *Definition) *Definition {
	for _, d := range Known() {
		if d.ID == def.ID && d.DraftFormat != def.DraftFormat {
			return d
		}
	}
	return nil
}

// UserFolder is where a user's own forms are read from: %AppData%\shenbao\forms on Windows,
// ~/.config/shenbao/forms on Linux. "" when the system names no configuration folder.
func UserFolder() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "shenbao", "forms")
}
