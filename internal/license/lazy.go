// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled on first use. The package's
// sixty-odd patterns, compiled while the program started, cost every run
// 3 ms, a REUSE scan's too, which detects no licence.
type lazyRE struct {
	once sync.Once
	src  string
	re   *regexp.Regexp
}

// lazies are every lazyRE of the package, for the test that compiles them.
var lazies []*lazyRE //nolint:gochecknoglobals // filled once, while the package initialises

func lazy(src string) *lazyRE {
	l := &lazyRE{src: src}
	lazies = append(lazies, l)
	return l
}

// get is the compiled expression.
func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}
