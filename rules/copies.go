package rules

import "github.com/exolint/exolint/scraper"

// minCopyLen is the shortest block text read only once when it repeats.
// Shorter repeats (prices, buttons, "Add to cart", card labels) are page
// structure that signals such as page kind may count; copy worth reading
// once (desktop and mobile copies of a description, a duplicated accordion)
// is longer.
const minCopyLen = 32

// blockCopies maps a block of the read-once view to the later blocks of
// the document with the same kind, region and text.
type blockCopies map[int][]*scraper.Block

// readOnce returns the document as the rules should read it: a block whose
// text equals an earlier block's of the same kind and region (the mobile
// copy of the desktop description) is left out, so it adds no facts and
// costs no second analysis; its places are kept in copies, and the engine
// reports each finding of the first block at every copy too. A document
// without copies is returned as it is.
func readOnce(doc *scraper.Document) (*scraper.Document, blockCopies) {
	type key struct {
		kind   scraper.Kind
		region scraper.Region
		text   string
	}
	first := map[key]int{}
	var copies blockCopies
	var kept []scraper.Block
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if len(b.Text) < minCopyLen {
			if kept != nil {
				kept = append(kept, *b)
			}
			continue
		}
		k := key{b.Kind, b.Region, b.Text}
		if j, ok := first[k]; ok {
			if kept == nil {
				// The first copy: from here on the view differs.
				kept = append(make([]scraper.Block, 0, len(doc.Blocks)), doc.Blocks[:i]...)
				copies = blockCopies{}
			}
			copies[j] = append(copies[j], b)
			continue
		}
		if kept != nil {
			first[k] = len(kept)
			kept = append(kept, *b)
		} else {
			first[k] = i
		}
	}
	if kept == nil {
		return doc, nil
	}
	view := *doc
	view.Blocks = kept
	return &view, copies
}
