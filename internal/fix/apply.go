// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
)

// pending is one change on its way into the tree.
type pending struct {
	Change
	perm fs.FileMode
	info fs.FileInfo // the file replaced; nil when created
	tmp  string      // the staged new content, beside the file
	done bool        // renamed into place
}

// Apply writes the changes all or none. It first checks every change
// against the tree (a file to create is still absent, a file to rewrite is
// a regular file with one link, unchanged since it was read, reached without
// links), then writes each new content to a temporary file beside its
// target, and only then renames them into place, checking each file again
// just before. When any step fails, the files already renamed get their old
// content back, new files and directories are removed, and the error says
// so: the tree is as it was.
func (t *Tree) Apply(changes []Change) (err error) {
	t.forgetDirs()
	ps := make([]*pending, 0, len(changes))
	seen := map[string]bool{}
	for _, c := range changes {
		if seen[c.Path] {
			return fmt.Errorf("fix %s: two changes to one file", c.Path)
		}
		seen[c.Path] = true
		p := &pending{Change: c, perm: 0o644}
		if p.info, err = t.current(c); err != nil {
			return err
		}
		if p.info != nil {
			p.perm = p.info.Mode().Perm()
		}
		ps = append(ps, p)
	}
	var dirs []string
	defer func() {
		if err != nil {
			err = t.rollback(ps, dirs, err)
		}
	}()
	for _, p := range ps {
		made, err := t.mkdirs(p.Path)
		dirs = append(dirs, made...)
		if err != nil {
			return err
		}
		if p.tmp, err = t.stage(p.Path, p.New, p.perm, p.info); err != nil {
			return err
		}
	}
	t.forgetDirs()
	for _, p := range ps {
		if err := t.unchanged(p); err != nil {
			return err
		}
		if err := t.step("rename", p.Path); err != nil {
			return fmt.Errorf("write %s: %w", p.Path, err)
		}
		if err := t.root.Rename(p.tmp, p.Path); err != nil {
			return fmt.Errorf("write %s: %w", p.Path, err)
		}
		p.done, p.tmp = true, ""
	}
	return nil
}

// current checks that a change still fits the tree and returns the file it
// replaces (nil for a file to create).
func (t *Tree) current(c Change) (fs.FileInfo, error) {
	st, info, why := t.Inspect(c.Path)
	switch {
	case c.Old == nil && st == Absent:
		if _, err := t.dirsToCreate(c.Path); err != nil {
			return nil, fmt.Errorf("create %s: %w", c.Path, err)
		}
		return nil, nil
	case c.Old == nil && st == Regular:
		return nil, fmt.Errorf("create %s: the file exists now; run again", c.Path)
	case c.Old == nil:
		return nil, fmt.Errorf("create %s: %s", c.Path, why)
	case st == Absent:
		return nil, fmt.Errorf("fix %s: the file is gone; run again", c.Path)
	case st == Blocked:
		return nil, fmt.Errorf("fix %s: %s", c.Path, why)
	}
	f, err := t.open(c.Path, info)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cur bytes.Buffer
	if _, err := cur.ReadFrom(f); err != nil {
		return nil, fmt.Errorf("fix %s: %w", c.Path, err)
	}
	if !bytes.Equal(cur.Bytes(), c.Old) {
		return nil, fmt.Errorf("fix %s: the file changed while fixing; run again", c.Path)
	}
	return info, nil
}

// unchanged checks, just before a rename, that the file is still what
// current saw: absent for a file to create; the same file, size and
// modification time for one to rewrite (its content was compared then).
func (t *Tree) unchanged(p *pending) error {
	st, info, why := t.Inspect(p.Path)
	switch {
	case p.info == nil && st == Absent:
		return nil
	case p.info == nil && st == Regular:
		return fmt.Errorf("create %s: the file exists now; run again", p.Path)
	case p.info == nil:
		return fmt.Errorf("create %s: %s", p.Path, why)
	case st != Regular || !os.SameFile(info, p.info) || info.Size() != p.info.Size() || !info.ModTime().Equal(p.info.ModTime()):
		return fmt.Errorf("fix %s: the file changed while fixing; run again", p.Path)
	}
	return nil
}

// mkdirs creates the missing directories above p and returns those it made.
func (t *Tree) mkdirs(p string) ([]string, error) {
	need, err := t.dirsToCreate(p)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", p, err)
	}
	var made []string
	for _, d := range need {
		if err := t.step("mkdir", d); err != nil {
			return made, fmt.Errorf("create %s: %w", d, err)
		}
		if err := t.root.Mkdir(d, 0o755); err != nil {
			return made, fmt.Errorf("create %s: %w", d, err)
		}
		t.dirs[d] = true
		made = append(made, d)
	}
	return made, nil
}

// stage writes data to a new temporary file beside p and returns its name.
// A rewritten file keeps its permissions (and, where allowed, its owner).
func (t *Tree) stage(p string, data []byte, perm fs.FileMode, old fs.FileInfo) (string, error) {
	if err := t.step("write", p); err != nil {
		return "", fmt.Errorf("write %s: %w", p, err)
	}
	var f *os.File
	var tmp string
	for range 10 {
		tmp = path.Join(path.Dir(p), "."+path.Base(p)+".ospolint-"+rand.Text()[:12]+".tmp")
		var err error
		f, err = t.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, 0o600)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("write %s: %w", p, err)
		}
	}
	if f == nil {
		return "", fmt.Errorf("write %s: no free temporary name", p)
	}
	_, err := f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil && old != nil {
		keepOwner(f, old)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = t.root.Remove(tmp)
		return "", fmt.Errorf("write %s: %w", p, err)
	}
	return tmp, nil
}

// rollback undoes what Apply did before cause: files renamed into place get
// their old content back (created ones are removed), temporary files and
// created directories go. The error says whether the tree is as it was.
func (t *Tree) rollback(ps []*pending, dirs []string, cause error) error {
	var left []string
	for i := len(ps) - 1; i >= 0; i-- {
		p := ps[i]
		if p.tmp != "" {
			if err := t.root.Remove(p.tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
				left = append(left, p.tmp+" (temporary file): "+err.Error())
			}
		}
		if !p.done {
			continue
		}
		if p.Old == nil {
			if err := t.root.Remove(p.Path); err != nil {
				left = append(left, p.Path+" (created): "+err.Error())
			}
			continue
		}
		saved := t.fail
		t.fail = nil // restoring is not a step tests fail
		tmp, err := t.stage(p.Path, p.Old, p.perm, p.info)
		t.fail = saved
		if err == nil {
			err = t.root.Rename(tmp, p.Path)
		}
		if err != nil {
			left = append(left, p.Path+" (rewritten): "+err.Error())
		}
	}
	t.forgetDirs()
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := t.root.Remove(dirs[i]); err != nil {
			left = append(left, dirs[i]+" (created directory): "+err.Error())
		}
	}
	if len(left) > 0 {
		return fmt.Errorf("%w; undoing the changes failed, check by hand: %v", cause, left)
	}
	return fmt.Errorf("%w; nothing was changed", cause)
}
