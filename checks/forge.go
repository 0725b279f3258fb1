// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "fmt"

// SettingState is what the forge's API says of one repository setting.
type SettingState string

// Setting states. Unknown is the honest answer when the API could not be
// asked or would not tell (no token, no permission, an API error): checks
// turn it into not-available, never into a failure.
const (
	SettingUnknown       SettingState = "unknown"
	SettingOn            SettingState = "on"
	SettingOff           SettingState = "off"
	SettingNotApplicable SettingState = "not-applicable"
)

// Setting is one repository setting read through the forge's API.
type Setting struct {
	State SettingState `json:"state"`
	// Detail says where the answer comes from ("ruleset 12 requires 2
	// approving reviews on main") or, for Unknown, why there is none.
	Detail string `json:"detail,omitempty"`
}

// Forge is what the code forge (GitHub) says about the repository, fetched
// before the checks run so they never wait on the network. A scan without API
// access (no token, not a GitHub repository) has none: Target.Forge is nil.
type Forge struct {
	// Host is the forge's web host ("github.com") and Repo "OWNER/NAME".
	Host string
	Repo string
	// DefaultBranch is the branch the settings were read for.
	DefaultBranch string

	ReviewRequired                Setting
	PrivateVulnerabilityReporting Setting
	VulnerabilityAlerts           Setting

	// Inherited is the owner's public .github repository, whose community
	// files (CONTRIBUTING, CODE_OF_CONDUCT, SECURITY, SUPPORT, issue and pull
	// request templates; never a licence) GitHub shows for repositories
	// without their own; nil when there is none. InheritedFrom names it
	// ("acme/.github").
	Inherited     *Target
	InheritedFrom string
}

// Forge is what the forge's API says about the repository, or nil when the
// scan has no API access.
func (t *Target) Forge() *Forge { return t.forge }

// SetForge gives the target its forge facts; the runner calls it before any
// check runs.
func (t *Target) SetForge(f *Forge) { t.forge = f }

// errNoForge is the not-available reason of API checks on a scan without API
// access.
func errNoForge() error {
	return fmt.Errorf("%w: needs the GitHub API (set GITHUB_TOKEN and scan a GitHub repository, or run ospolint org)", ErrNotAvailable)
}

// settingCheck runs an API check on one setting: on passes, off reports msg,
// unknown is not-available and not-applicable says why.
func settingCheck(p *Pass, get func(*Forge) Setting, msg func(f *Forge, s Setting) string) error {
	f := p.Target.Forge()
	if f == nil {
		return errNoForge()
	}
	s := get(f)
	switch s.State {
	case SettingOn:
		p.Note(s.Detail)
	case SettingOff:
		p.Report(Finding{Message: msg(f, s), Key: "setting", Properties: map[string]any{"repository": f.Host + "/" + f.Repo}})
	case SettingNotApplicable:
		p.NotApplicable(s.Detail)
	default:
		detail := s.Detail
		if detail == "" {
			detail = "the API did not say"
		}
		return fmt.Errorf("%w: %s", ErrNotAvailable, detail)
	}
	return nil
}

// orgFallback returns p, or — when has is false for this repository and true
// for the owner's public .github repository, whose community files GitHub
// shows in its place — a pass over that repository. What the check reports
// through it lands on p, marked as inherited, and p's result says so.
func orgFallback(p *Pass, has func(*Target) bool) *Pass {
	if has(p.Target) {
		return p
	}
	f := p.Target.Forge()
	if f == nil || f.Inherited == nil || !has(f.Inherited) {
		return p
	}
	p.Note("inherited from " + f.InheritedFrom + ", which GitHub shows for repositories without their own")
	return &Pass{Check: p.Check, Target: f.Inherited, Options: p.Options, parent: p, from: f.InheritedFrom}
}

// communityDocs is findDocs in this repository or, when it has none and the
// owner's .github repository has some, in that one; it returns them with the
// pass to read and report them through. Each repository's files are
// searched once: the last search is of the repository the returned pass
// reads, or found nothing in either.
func communityDocs(p *Pass, s docSearch) ([]docCandidate, *Pass) {
	var found []docCandidate
	q := orgFallback(p, func(t *Target) bool {
		found = findDocs(t, s)
		return len(found) > 0
	})
	return found, q
}

// inheritedFinding marks a finding about a file of the owner's .github
// repository as such.
func inheritedFinding(from string, f Finding) Finding {
	props := make(map[string]any, len(f.Properties)+1)
	for k, v := range f.Properties {
		props[k] = v
	}
	props["inheritedFrom"] = from
	f.Properties = props
	f.Message = from + " (inherited): " + f.Message
	return f
}
