// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package redact keeps tokens out of everything ospolint prints or writes.
package redact

import (
	"net/url"
	"strings"
)

// URL removes credentials from a URL ("https://x:TOKEN@host/..." becomes
// "https://host/..."); anything that is not a URL is returned as is.
func URL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil || u.Scheme == "" {
		return s
	}
	u.User = nil
	return u.String()
}

// String replaces every occurrence of each secret in s, and strips
// credentials from URLs inside s.
func String(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, "***")
		}
	}
	fields := strings.Fields(s)
	for _, f := range fields {
		trimmed := strings.Trim(f, `"'(),;`)
		if strings.Contains(trimmed, "://") && strings.Contains(trimmed, "@") {
			s = strings.ReplaceAll(s, trimmed, URL(trimmed))
		}
	}
	return s
}
