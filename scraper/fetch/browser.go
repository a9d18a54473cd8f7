package fetch

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// ErrNoBrowser means no Chromium or Chrome could be found for rendering.
var ErrNoBrowser = errors.New("no Chromium or Chrome found")

// browserNames are the executables tried, in order, when no path is given:
// Debian's package first, then the names other systems use.
func browserNames() []string {
	return []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell", "chrome"}
}

// FindBrowser returns the browser to render pages with: path when given
// (it must exist and be executable), else the first Chromium or Chrome on
// PATH. The error is one line a user can act on.
func FindBrowser(path string) (string, error) {
	if path != "" {
		st, err := os.Stat(path)
		if err != nil {
			return "", fmt.Errorf("%w at %s: %w", ErrNoBrowser, path, err)
		}
		if st.IsDir() || st.Mode().Perm()&0o111 == 0 {
			return "", fmt.Errorf("%w: %s is not an executable file", ErrNoBrowser, path)
		}
		return path, nil
	}
	for _, name := range browserNames() {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w on PATH (install the chromium package, or give --browser PATH)", ErrNoBrowser)
}
