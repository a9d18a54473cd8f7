package ingredients

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/exolint/exolint/scraper/inci/cosing"
)

// Attribution is the line Inventory.Source returns, read from the header of
// the embedded data alone. Rule documentation needs the data dates without
// paying for a full LoadInventory.
func Attribution() (string, error) {
	zr, err := cosing.Open()
	if err != nil {
		return "", err
	}
	defer func() { _ = zr.Close() }()
	inv := &Inventory{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		s := sc.Text()
		if strings.HasPrefix(s, "#") {
			continue
		}
		key, value, ok := strings.Cut(strings.TrimPrefix(s, "D\t"), "\t")
		if !ok || !strings.HasPrefix(s, "D\t") {
			break // the dates come first; the rest is the inventory
		}
		switch key {
		case "inventory":
			inv.inventoryDate = value
		case "annexes":
			inv.annexDate = value
		}
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("read CosIng data: %w", err)
	}
	if inv.inventoryDate == "" {
		return "", fmt.Errorf("no inventory date: %w", errBadInventory)
	}
	return inv.Source(), nil
}
