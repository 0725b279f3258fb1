// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build !unix

package sbom

import "time"

func cpuTime() time.Duration { return 0 }
