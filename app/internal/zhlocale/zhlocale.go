// Package zhlocale asks for Chinese before Fyne's lang package initialises.
//
// lang picks its language in its init function, from go-locale, which reads LC_ALL,
// LC_MESSAGES and LANG and then LANGUAGE. Under a locale such as C.UTF-8 (usual in
// containers) it cannot parse "C" and logs a "Fyne error" to stderr, which every command of
// the program would print, `shenbao check` included. Setting LANGUAGE first avoids that and
// names the language the app wants anyway.
//
// This runs first because Go initialises, among the packages whose imports are ready, the
// one with the smallest import path (the spec's order since Go 1.21): this package needs only
// os, and lang needs text/template, whose path sorts after this one's.
package zhlocale

import "os"

// Original is the user's LANGUAGE, for the programs the app starts (a PDF viewer).
var Original, hadOriginal = os.LookupEnv("LANGUAGE")

func init() {
	os.Setenv("LANGUAGE", "zh_CN:zh")
}

// Environ is the environment as the user set it, for child processes.
func Environ() []string {
	env := os.Environ()
	for i, kv := range env {
		if len(kv) >= 9 && kv[:9] == "LANGUAGE=" {
			if hadOriginal {
				env[i] = "LANGUAGE=" + Original
			} else {
				env = append(env[:i], env[i+1:]...)
			}
			break
		}
	}
	return env
}
