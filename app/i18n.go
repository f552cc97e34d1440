package app

import (
	"embed"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	_ "shenbao/app/internal/zhlocale" // runs before lang picks a language: see there
)

// translations overrides Fyne's own Chinese strings, some of which read oddly in a dialog
// ("OK" is 好, "No" is 不), and adds the ones it lacks.
//
//go:embed translations
var translations embed.FS

var chineseOnce sync.Once

// useChinese makes Fyne speak Chinese whatever the machine's locale: the program is for
// teachers in Liuzhou, and an English "Cancel" beside Chinese text looks broken.
//
// Fyne's lang package picks its language when translations are added, from go-locale, which
// reads LC_ALL, LC_MESSAGES and LANG, and then LANGUAGE unless the locale is C or POSIX. So
// the variables are set to Chinese just for that call and put back afterwards: the C locale
// of the process (and with it the input method) stays what the user has.
func useChinese() {
	chineseOnce.Do(func() {
		restore := setEnv(map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANGUAGE": "zh_CN"})
		defer restore()
		if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
			fyne.LogError("loading the Chinese strings", err)
		}
	})
}

// setEnv sets environment variables and returns a function that restores them.
func setEnv(vars map[string]string) (restore func()) {
	type saved struct {
		v  string
		ok bool
	}
	old := map[string]saved{}
	for k, v := range vars {
		o, ok := os.LookupEnv(k)
		old[k] = saved{o, ok}
		os.Setenv(k, v)
	}
	return func() {
		for k, s := range old {
			if s.ok {
				os.Setenv(k, s.v)
			} else {
				os.Unsetenv(k)
			}
		}
	}
}
