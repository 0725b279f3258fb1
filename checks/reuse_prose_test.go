// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

// REUSE-IgnoreStart

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// bootloaderSources are files shaped like u-boot's where the whole-file
// search used to take prose for licensing information: a 30,000-line Perl
// script that matches SPDX tags with regular expressions, a board document
// quoting a boot log, and a header-only library whose licence and notice
// close the file.
func bootloaderSources() fstest.MapFS {
	var perl strings.Builder
	perl.WriteString("#!/usr/bin/env perl\n# SPDX-License-Identifier: GPL-2.0\n#\n# (c) 2001, A. Hacker\n\nuse strict;\n")
	for i := range 30000 {
		switch i {
		case 3900:
			perl.WriteString("\t\t\t\t} elsif ($rawline =~ /(SPDX-License-Identifier: .*)/) {\n")
		case 3910:
			perl.WriteString("\t\t\t\t\t$fixed[$fixlinenr] =~ s/SPDX-License-Identifier: .*/SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause)/;\n")
		case 3920:
			perl.WriteString("\t\t\t\t$rawline !~ m@^\\+\\Q$comment\\E SPDX-License-Identifier: @) {\n")
		default:
			fmt.Fprintf(&perl, "\tmy $v%d = check_line($line, %d);\n", i, i)
		}
	}
	boot := ".. SPDX-License-Identifier: GPL-2.0+\n\nBoard notes\n===========\n\n" + strings.Repeat("Set the jumpers as the table shows and power the board.\n", 90) +
		"\nBoot log::\n\n   [    0.631381] e1000e: Intel(R) PRO/1000 Network Driver\n   [    0.631390] e1000e: Copyright(c) 1999 - 2015 Intel Corporation.\n"
	lib := "/* truetype rasteriser - public domain or MIT, see the end of the file\n   SPDX-License-Identifier: MIT */\n" +
		strings.Repeat("static int f(int x) { return x * 2; }\n", 200) +
		"/*\n------\nCopyright (c) 2017 Sean Barrett\nPermission is hereby granted, free of charge, to any person obtaining a copy\n*/\n"
	return fstest.MapFS{
		"scripts/checkpatch.pl":   file(perl.String()),
		"doc/board/acme/acme.rst": file(boot),
		"drivers/video/ttf.h":     file(lib),
		"LICENSES/GPL-2.0.txt":    file("GPL text"),
		"LICENSES/MIT.txt":        file("MIT text"),
	}
}

func TestReuseProseIsNotLicensingInformation(t *testing.T) {
	files := bootloaderSources()
	byCheck := map[string][]string{}
	for _, c := range reuseChecks() {
		got, _ := runCheck(t, c, files, nil)
		for _, f := range got {
			byCheck[c.ID] = append(byCheck[c.ID], f.Path)
		}
	}
	if got := byCheck["reuse-invalid-expression"]; len(got) != 0 {
		t.Errorf("invalid expressions reported in %v: the Perl script's patterns are code, not tags", got)
	}
	// The boot log is quoted output: the document has no notice of its own
	// (reuse lint, reading 4 KiB, says the same); the Perl script has
	// none either, "(c)" alone not being one.
	want := []string{"doc/board/acme/acme.rst", "scripts/checkpatch.pl"}
	if got := byCheck["reuse-missing-copyright"]; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("missing copyright in %v, want %v (the library's closing notice counts)", got, want)
	}
	if got := byCheck["reuse-missing-license"]; len(got) != 0 {
		t.Errorf("missing licence in %v, want none", got)
	}
}

// REUSE-IgnoreEnd
