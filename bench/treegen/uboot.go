// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package treegen

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// UBootFiles is the size of u-boot's tree (HEAD of its mirror, 2026-12),
// the default of UBoot.
const UBootFiles = 38500

// UBoot writes a tree shaped like u-boot, the large C project whose
// figures a synthetic tree with a header in nearly every file flatters:
// n files (UBootFiles for its size) in some 2,800 directories 1 to 7
// levels deep; sizes drawn from u-boot's (median 2 KiB, a tenth over
// 14 KiB, a few megabytes); a GPL-2.0 COPYING and a Licenses/ folder of
// licence texts under lower-case names with a README and an exceptions
// note; SPDX-License-Identifier lines in 77% of the files over some 60
// expressions (most GPL-2.0 variants, many dual licences, a few invalid),
// "Copyright (C)" notices in 59%, so 45% of the files lack one or the other
// for REUSE; a configs/ folder of header-less defconfigs, device trees,
// documentation, binary certificates, symbolic links to directories; and
// 53 .gitignore files with some 440 patterns of every kind. There is no
// .git: bench/uboot.sh adds one for the variant with git. The same seed
// and n give the same tree.
func UBoot(root string, n int, seed uint64) (Stats, error) {
	if _, err := os.Stat(root); err == nil {
		return Stats{}, fmt.Errorf("treegen: %s exists; give a new directory", root)
	}
	g := &gen{rng: rand.New(rand.NewPCG(seed, 0xB007)), root: root, left: n}
	g.pool = makePool(g.rng, 1<<20)
	u := &uboot{gen: g}
	if err := u.generate(); err != nil {
		return Stats{}, fmt.Errorf("treegen: %w", err)
	}
	return Stats{Files: g.files, Dirs: g.dirs, Bytes: g.bytes}, nil
}

type uboot struct {
	*gen
	ignores int // .gitignore files written below the root
}

// ubootArea is a top-level folder: its share of the files, the file kinds
// it holds and how it nests.
type ubootArea struct {
	name  string
	share float64
	exts  []string
	// sub names the levels below it; each level picks one of its words
	// and a number.
	sub [][]string
}

var (
	ubootAreas = []ubootArea{
		{"arch", 0.21, []string{".dts", ".dtsi", ".dtsi", ".c", ".h", ".S", ".lds"}, [][]string{{"arm", "riscv", "x86", "mips", "powerpc", "sandbox", "m68k", "sh"}, {"dts", "cpu", "mach-", "include", "lib"}, {"armv8", "asm", "soc", "arch-", "common"}}},
		{"board", 0.13, []string{".c", ".h", ".env", "", ".cfg", ".dts"}, [][]string{{"vendor"}, {"board"}, {"common", "spl"}}},
		{"drivers", 0.12, []string{".c", ".c", ".h", "", ".yaml"}, [][]string{{"net", "mmc", "video", "usb", "clk", "pinctrl", "power", "gpio", "serial", "spi"}, {"host", "gadget", "phy", "core", "regulator"}}},
		{"dts", 0.14, []string{".yaml", ".yaml", ".dtsi", ".dts", ".txt", ".h"}, [][]string{{"upstream"}, {"src", "Bindings", "include"}, {"arm64", "arm", "riscv", "clock", "net", "display"}, {"vendor"}}},
		{"include", 0.07, []string{".h", ".h", ".h", ".yaml"}, [][]string{{"configs", "dt-bindings", "linux", "asm-generic", "dm", "efi"}, {"clock", "pinctrl", "reset", "power"}}},
		{"lib", 0.08, []string{".c", ".h", ".data", ".function", ".py", ".txt", ".der", ".crt", ".pem"}, [][]string{{"mbedtls", "efi_loader", "lzma", "zlib", "crypto", "lwip"}, {"external", "src", "tests"}, {"library", "suites", "include", "data_files"}}},
		{"configs", 0.04, []string{"_defconfig"}, nil},
		{"doc", 0.04, []string{".rst", ".rst", ".rst", ".txt", ".py"}, [][]string{{"board", "develop", "usage", "api", "arch", "device-tree-bindings"}, {"vendor", "cmd", "fs"}}},
		{"tools", 0.05, []string{".c", ".h", ".py", ".py", "", ".sh"}, [][]string{{"binman", "buildman", "patman", "dtoc", "kwbimage", "env"}, {"etype", "test", "src"}}},
		{"test", 0.05, []string{".c", ".py", ".py", ".dts", ".sh"}, [][]string{{"py", "dm", "lib", "cmd", "boot", "fs"}, {"tests", "helpers"}}},
		{"scripts", 0.02, []string{"", ".sh", ".py", ".pl", ".c"}, [][]string{{"kconfig", "dtc", "coccinelle", "basic"}, {"lxdialog", "libfdt"}}},
		{"cmd", 0.02, []string{".c", ".c", ".h"}, [][]string{{"arm", "x86", "riscv"}}},
		{"common", 0.01, []string{".c", ".h", ""}, [][]string{{"spl", "init"}}},
		{"fs", 0.01, []string{".c", ".h"}, [][]string{{"ext4", "fat", "btrfs", "ubifs", "squashfs"}}},
		{"net", 0.01, []string{".c", ".h"}, [][]string{{"lwip"}}},
	}
	// ubootLicences are expressions with u-boot's weights (per ten
	// thousand files with a licence line), whitespace oddities included.
	ubootLicences = []struct {
		expr   string
		weight int
	}{
		{"GPL-2.0+", 3760}, {"GPL-2.0", 1525}, {"(GPL-2.0-only OR BSD-2-Clause)", 1186}, {"(GPL-2.0+ OR MIT)", 598},
		{"GPL-2.0-only", 374}, {"GPL-2.0-or-later", 340}, {"(GPL-2.0 OR BSD-2-Clause)", 310}, {"GPL-2.0-only OR BSD-2-Clause", 280},
		{"BSD-3-Clause", 195}, {"Apache-2.0 OR GPL-2.0-or-later", 187}, {"(GPL-2.0 OR MIT)", 167}, {"GPL-2.0-or-later OR MIT", 146},
		{"GPL-2.0+ OR MIT", 119}, {"(GPL-2.0+ OR BSD-3-Clause)", 75}, {"GPL-2.0-only OR MIT", 61}, {"GPL-2.0+ OR X11", 56},
		{"GPL-2.0+ OR BSD-3-Clause", 55}, {"(GPL-2.0-or-later OR MIT)", 41}, {"(GPL-2.0-only OR MIT)", 38}, {"\tGPL-2.0+", 38},
		{"GPL-2.0 OR MIT", 37}, {"     GPL-2.0+", 35}, {"BSD-2-Clause", 30}, {"GPL-2.0 OR BSD-2-Clause", 27},
		{"LGPL-2.1+", 24}, {"MIT", 22}, {"ISC", 18}, {"GPL-2.0 WITH Linux-syscall-note", 16}, {"(GPL-2.0-only WITH Linux-syscall-note) OR MIT", 12},
		{"LGPL-2.1-or-later", 11}, {"Intel", 10}, {"X11", 9}, {"BSD-2-Clause-Patent", 8}, {"GPL-2.0-only OR Apache-2.0", 8},
		{"CC0-1.0", 7}, {"0BSD", 6}, {"Zlib", 6}, {"bzip2-1.0.6", 5}, {"IBM-pibs", 5}, {"LGPL-2.0+", 5},
		{"BSD-3-Clause-Clear", 4}, {"CC-BY-4.0", 4}, {"CC-BY-SA-4.0", 4}, {"GPL-2.0+ WITH eCos-exception-2.0", 4}, {"LZMA-SDK-9.22", 3},
		{"GPL-1.0+", 3}, {"LGPL-2.1", 3}, {"GPL-2.0-or-later+", 2}, {"MIT OR GPL-2.0+", 3}, {"Apache-2.0", 3},
		// Written wrong, as real trees have them.
		{"GPL-2.0+ OR BSD-3-Clause OR", 2}, {"GPLv2+", 2}, {"GPL-2.0+ BSD-3-Clause", 2},
	}
	ubootHolders = []string{
		"Texas Instruments Incorporated - https://www.ti.com/", "Google, Inc", "Linaro Ltd.", "NXP Semiconductors", "Marvell International Ltd.",
		"Samsung Electronics", "Xilinx, Inc.", "DENX Software Engineering", "Renesas Electronics Corporation", "Rockchip Electronics Co., Ltd",
		"Free Electrons", "Intel Corporation", "Bootlin", "Heinrich Schuchardt <xypron.glpk@gmx.de>", "Simon Glass <sjg@chromium.org>",
	}
	// ubootLicenceFiles are the texts of Licenses/: file name and SPDX
	// identifier ("" for prose that is not a licence text).
	ubootLicenceFiles = [][2]string{
		{"gpl-2.0.txt", "GPL-2.0-only"}, {"bsd-2-clause.txt", "BSD-2-Clause"}, {"bsd-3-clause.txt", "BSD-3-Clause"},
		{"isc.txt", "ISC"}, {"lgpl-2.0.txt", "LGPL-2.0-only"}, {"lgpl-2.1.txt", "LGPL-2.1-only"}, {"mit.txt", "MIT"},
		{"x11.txt", "X11"}, {"OFL.txt", "OFL-1.1"}, {"eCos-2.0.txt", "eCos-exception-2.0"}, {"bzip2-1.0.6.txt", "bzip2-1.0.6"},
		{"ibm-pibs.txt", "IBM-pibs"}, {"r8a779x_usb3.txt", ""}, {"README", ""}, {"Exceptions", ""},
	}
)

func (u *uboot) generate() error {
	if err := u.rootFiles(); err != nil {
		return err
	}
	total := u.left
	for i, a := range ubootAreas {
		want := int(math.Round(a.share * float64(total)))
		if i == len(ubootAreas)-1 || want > u.left {
			want = u.left
		}
		if err := u.area(a, want); err != nil {
			return err
		}
	}
	// Rounding leaves a few: they go to drivers/.
	if u.left > 0 {
		if err := u.area(ubootAreas[2], u.left); err != nil {
			return err
		}
	}
	return u.links()
}

func (u *uboot) rootFiles() error {
	gpl, ok := spdxlist.Text("GPL-2.0-only")
	if !ok {
		return errors.New("no GPL-2.0-only text in the licence data")
	}
	files := map[string]string{
		"COPYING":     gpl,
		"README":      "Synthetic boot loader\n\nThis is a generated tree shaped like the source of a large boot loader written in C,\nmade for ospolint benchmarks: its folders, file sizes and licensing follow the real one.\nBuild it with make after choosing a board configuration from configs/.\nSee Licenses/README for the licensing of the files.\n",
		"MAINTAINERS": u.maintainers(),
		"Makefile":    "# SPDX-License-Identifier: GPL-2.0+\n\nVERSION = 2026\nPATCHLEVEL = 10\n\nall:\n\t@echo build\n",
		"Kconfig":     "# SPDX-License-Identifier: GPL-2.0+\n\nmainmenu \"Boot loader configuration\"\n\nsource \"arch/Kconfig\"\n",
		".gitignore":  ubootRootIgnore,
		".mailmap":    "A Developer <a@example.org> <a@old.example.org>\n",
	}
	for _, lf := range ubootLicenceFiles {
		text := ""
		switch {
		case lf[1] != "":
			t, ok := spdxlist.Text(lf[1])
			if !ok {
				return fmt.Errorf("no %s text in the licence data", lf[1])
			}
			text = t
		case lf[0] == "README":
			text = "Licensing of the boot loader\n\nEach file carries an SPDX-License-Identifier line naming its licence;\nthe texts of those licences are in this folder, under these names:\n\n" +
				"  GPL-2.0-only  gpl-2.0.txt\n  BSD-2-Clause  bsd-2-clause.txt\n  BSD-3-Clause  bsd-3-clause.txt\n  MIT           mit.txt\n"
		case lf[0] == "Exceptions":
			text = "Exceptions to the GPL that some files carry are named after WITH in\ntheir SPDX-License-Identifier line; see eCos-2.0.txt.\n"
		default:
			text = "Firmware redistribution terms (synthetic)\n\nRedistribution and use of this firmware image, without modification,\nare permitted provided that this notice is kept.\n"
		}
		files["Licenses/"+lf[0]] = text
	}
	for _, name := range sortedKeys(files) {
		if err := u.put(filepath.Join(u.root, filepath.FromSlash(name)), []byte(files[name])); err != nil {
			return err
		}
	}
	return nil
}

func (u *uboot) maintainers() string {
	var b strings.Builder
	b.WriteString("Descriptions of section entries and preferred order\n\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "BOARD %d\nM:\tMaintainer %d <m%d@example.org>\nS:\tMaintained\nF:\tboard/vendor%d/\n\n", i, i, i, i%40)
	}
	return b.String()
}

// area writes want files under a top-level folder, spread over nested
// directories of 5 to 25 files (configs/ is one flat folder).
func (u *uboot) area(a ubootArea, want int) error {
	if want <= 0 {
		return nil
	}
	top := filepath.Join(u.root, a.name)
	if a.sub == nil {
		return u.dirFiles(top, a, want, 0)
	}
	for d := 0; want > 0; d++ {
		rel := make([]string, 0, len(a.sub))
		for level, words := range a.sub {
			w := words[u.rng.IntN(len(words))]
			if strings.HasSuffix(w, "-") || level > 0 || len(words) == 1 {
				w += strconv.Itoa(u.rng.IntN(12))
			}
			rel = append(rel, w)
			if level > 0 && u.rng.IntN(3) == 0 {
				break
			}
		}
		k := min(want, 5+u.rng.IntN(21))
		if err := u.dirFiles(filepath.Join(top, filepath.Join(rel...)), a, k, d); err != nil {
			return err
		}
		want -= k
	}
	return nil
}

// dirFiles writes k files into dir (which an earlier pick may have made
// already), every name new.
func (u *uboot) dirFiles(dir string, a ubootArea, k, d int) error {
	// One directory in 45 has a .gitignore of its own (53 in u-boot).
	if d%45 == 7 && u.ignores < 52 && !exists(filepath.Join(dir, ".gitignore")) {
		u.ignores++
		if err := u.put(filepath.Join(dir, ".gitignore"), []byte(ubootDirIgnores[u.ignores%len(ubootDirIgnores)])); err != nil {
			return err
		}
		k--
	}
	for i := range k {
		ext := a.exts[u.rng.IntN(len(a.exts))]
		name := fmt.Sprintf("f%05d%s", u.files, ext)
		switch {
		case a.name == "configs":
			name = fmt.Sprintf("board%05d%s", u.files, ext)
		case ext == "":
			name = []string{"Makefile", "Kconfig", "README", "Kbuild", "run"}[i%5]
			if exists(filepath.Join(dir, name)) {
				name = fmt.Sprintf("%s.%d", name, u.files)
			}
		}
		if err := u.file(filepath.Join(dir, name), a.name, ext); err != nil {
			return err
		}
	}
	return nil
}

// put writes a file, making its directory and the missing ones above it
// (counted).
func (u *uboot) put(path string, data []byte) error {
	for d := filepath.Dir(path); !exists(d); d = filepath.Dir(d) {
		u.dirs++
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return u.write(path, data)
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// file writes one file: a size from u-boot's distribution, a header by
// u-boot's shares, text or binary content.
func (u *uboot) file(path, area, ext string) error {
	size := u.size()
	switch ext {
	case ".der", ".crt", ".pem", ".bin":
		body := make([]byte, size)
		for j := range body {
			body[j] = byte(u.rng.Uint32())
		}
		return u.put(path, body)
	}
	header := ""
	if area != "configs" {
		header = u.header(ext)
	}
	if size > len(u.pool)-1 {
		size = len(u.pool) - 1
	}
	off := u.rng.IntN(len(u.pool) - size)
	body := append([]byte(header), u.pool[off:off+size]...)
	return u.put(path, body)
}

// size draws from u-boot's file sizes: log-uniform between its
// percentiles (10%: 261 B, 25%: 720, 50%: 1,961, 75%: 5,186, 90%: 13,869,
// 99%: 68,793; at most 512 KiB here, which keeps the total near
// u-boot's 260 MB).
func (u *uboot) size() int {
	points := [][2]float64{{0, 20}, {0.10, 261}, {0.25, 720}, {0.50, 1961}, {0.75, 5186}, {0.90, 13869}, {0.99, 68793}, {1, 512 << 10}}
	p := u.rng.Float64()
	for i := 1; i < len(points); i++ {
		if p <= points[i][0] {
			lo, hi := points[i-1], points[i]
			f := (p - lo[0]) / (hi[0] - lo[0])
			return int(math.Exp(math.Log(lo[1]) + f*(math.Log(hi[1])-math.Log(lo[1]))))
		}
	}
	return 512 << 10
}

// header is the comment block a file starts with, with shares that give,
// with the header-less configs/ (4%) and binaries, u-boot's: both a
// licence line and copyright notices 55%, the licence only 22%, a notice
// only 4%, neither 19%.
func (u *uboot) header(ext string) string {
	r := u.rng.Float64()
	lic, cp := r < 0.802, r < 0.572 || (r >= 0.802 && r < 0.844)
	if !lic && !cp {
		return ""
	}
	open, line, end := "// ", "// ", "\n"
	switch ext {
	case ".h", ".S", ".lds":
		open, line, end = "/* ", " * ", " */\n"
	case ".py", ".sh", "", ".pl", ".yaml", ".env", ".cfg", ".data", ".function":
		open, line, end = "# ", "# ", "\n"
	case ".rst":
		open, line, end = ".. ", "   ", "\n"
	case ".txt":
		open, line, end = "", "", "\n"
	}
	var b strings.Builder
	if lic {
		b.WriteString(open + "SPDX-License-Identifier: " + u.licence() + "\n")
	}
	if cp {
		if !lic {
			b.WriteString(open + "\n")
		}
		for range 1 + u.rng.IntN(3) {
			fmt.Fprintf(&b, "%sCopyright (C) %d %s\n", line, 1998+u.rng.IntN(28), ubootHolders[u.rng.IntN(len(ubootHolders))])
		}
	}
	if end != "\n" {
		b.WriteString(end)
	}
	b.WriteString("\n")
	return b.String()
}

func (u *uboot) licence() string {
	total := 0
	for _, l := range ubootLicences {
		total += l.weight
	}
	r := u.rng.IntN(total)
	for _, l := range ubootLicences {
		if r < l.weight {
			return l.expr
		}
		r -= l.weight
	}
	return ubootLicences[0].expr
}

// links adds symbolic links to directories, as u-boot's device-tree
// folders have.
func (u *uboot) links() error {
	target := filepath.Join(u.root, "include", "dt-bindings")
	if err := os.MkdirAll(target, 0o755); err != nil {
		return err
	}
	for _, arch := range []string{"arm", "riscv", "x86", "mips", "sandbox", "m68k", "sh", "xtensa", "nios2"} {
		dir := filepath.Join(u.root, "arch", arch, "dts", "include")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.Symlink("../../../../include/dt-bindings", filepath.Join(dir, "dt-bindings")); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ubootRootIgnore has the kinds of patterns a large C project's root
// .gitignore has: dot files with exceptions, extensions, anchored globs,
// generated directories, editor leftovers.
const ubootRootIgnore = `# Build products and editor files
.*
!.mailmap
!.gitignore
!.gitattributes
!.clang-format
*.a
*.o
*.o.*
*.s
*.su
*.i
*.lst
*.map
*.elf
*.bin
*.bin[_.]*
*.img
*.itb
*.fit
*.dtb
*.dtbo
*.dtb.S
*.dtb.full.dts
*.mod.c
*.order
*.patch
*.orig
*.rej
*.swp
*.gcno
*.gcda
*.cover
*.pem.tmp
*.asn1.[ch]
*.tab.[ch]
*.lex.c
*.ti-*
*~
\#*#
/build*
/spl/
/tpl/
/vpl/
/u-boot*
/MLO*
/SPL*
/System.map
/boards.cfg
/mkimage*
/simple-bin*
/defconfig
/generated_defconfig
/Test*
/capsule*.efi-capsule
/capsule*.map
/keep-syms-lto.*
/*.log
/include/autoconf.mk*
/include/config.h
/include/config/
/include/generated/
/include/bmp_logo.h
/include/bmp_logo_data.h
/drivers/video/u_boot_logo.bmp.S
patches-*
patches
series
cscope.*
tags
TAGS
GPATH
GRTAGS
GSYMS
GTAGS
__pycache__
/htmlcov/
/compile_commands.json
fit-dtb.blob*
`

// ubootDirIgnores are the small .gitignore files of sub-folders.
var ubootDirIgnores = []string{
	"/mkimage\n/dumpimage\n/mkenvimage\n/fit_info\n/fit_check_sign\n*.pyc\n",
	"*.dtb\n*.dtbo\n/dt-spl.dtb\n",
	"/conf\n/mconf\n/nconf\n/qconf\n/zconf.lex.c\n*.moc\n",
	"/version.h\n/timestamp.h\n",
	"*.efi\n*.so\n/efi_selftest_miniapp_*.h\n",
	"/generated/\n/asm/arch\n/asm/proc\n",
	"*.elf\n*.srec\n/start.S\n",
	"build-*/\n.buildman*\n*.log\n",
}
