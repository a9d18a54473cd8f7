package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sort"
	"syscall"
	"time"
)

// timeCommand runs a command several times and prints the median wall time
// and the largest peak resident set size, so the benchmark script needs
// nothing beyond Go (GNU time is not on every machine).
func timeCommand(stdout io.Writer, runs int, argv []string) error {
	var walls []time.Duration
	var maxRSS int64
	for i := 0; i < runs; i++ {
		cmd := exec.CommandContext(context.Background(), argv[0], argv[1:]...)
		cmd.Stdout = io.Discard
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start)
		// exolint exits 1 when it finds something; that is a normal run.
		var exitErr *exec.ExitError
		if err != nil && (!errors.As(err, &exitErr) || exitErr.ExitCode() != 1) {
			return fmt.Errorf("time %v: %w", argv, err)
		}
		walls = append(walls, wall)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > maxRSS {
			maxRSS = ru.Maxrss // KiB on Linux
		}
	}
	sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
	fmt.Fprintf(stdout, "wall_s=%.3f peak_rss_mb=%.1f runs=%d\n", walls[len(walls)/2].Seconds(), float64(maxRSS)/1024, runs)
	return nil
}
