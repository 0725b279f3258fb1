// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"bytes"
	"os/exec"
)

func execLookPath(name string) (string, error) { return exec.LookPath(name) }

func runIn(dir string, stdin []byte, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(stdin)
	return cmd.CombinedOutput()
}
