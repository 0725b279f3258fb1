// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package redact keeps tokens out of everything ospolint prints or writes.
package redact

import (
	"net/url"
	"regexp"
	"strings"
)

var (
	// userinfo matches the credentials of a URL, parseable or not.
	userinfo = regexp.MustCompile(`([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s"']*@`)
	// secretParam matches query parameters that commonly carry tokens.
	secretParam = regexp.MustCompile(`(?i)([?&](?:access_token|token|private_token|oauth_token|password|passwd|secret|key|api_key|apikey|auth)=)[^&#\s"']*`)
)

// URL removes credentials from a URL: user information
// ("https://x:TOKEN@host/..." becomes "https://host/...") and token-bearing
// query parameters, even when the URL does not parse. Anything else is
// returned as is.
func URL(s string) string {
	if u, err := url.Parse(s); err == nil && u.Scheme != "" && u.User != nil {
		u.User = nil
		s = u.String()
	}
	s = userinfo.ReplaceAllString(s, "$1")
	return secretParam.ReplaceAllString(s, "${1}***")
}

// String replaces every occurrence of each secret in s, and strips
// credentials from URLs inside s.
func String(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, "***")
		}
	}
	s = userinfo.ReplaceAllString(s, "$1")
	return secretParam.ReplaceAllString(s, "${1}***")
}
