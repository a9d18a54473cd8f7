package rules

// PenetrationClaim flags claims that a topical product reaches the dermis or
// the inside of cells.
func PenetrationClaim() *Rule {
	return &Rule{
		ID:    "penetration-claim",
		Title: "claim that a topical product penetrates into the dermis or cells",
		Doc: `"Penetrates deep into the dermis", "reaches fibroblasts", "transdermal", "absorbs up to 95%",
"in vivo", 진피층까지 흡수, 高渗透, 透皮 or 真皮まで浸透 claim that an applied product crosses the
skin barrier. The skin's first job is to keep things out (ASA compact guide), intact vesicles are
not shown to cross it, and an action in the dermis is a structure/function claim. Korea treats
in-vivo wording as drug-like and China's banned-word lists name 高渗透 and 透皮, so it is an error
there and a warning elsewhere.

An injection into the dermis is a route, reported by procedure-wording, not here. "Absorbs into
the stratum corneum" (角質層まで) is the accepted wording and is not flagged. On a clinic page a
product applied through microneedling channels does reach the dermis: the procedure delivers it,
and what the clinic promises of the treatment is treatment-claim's.

What satisfies it: describe the feel ("absorbs quickly", "sinks in without residue") or stay at
the surface ("hydrates the outer layers of the skin").`,
		Bad:       "Our exosomes penetrate deep into the dermis.",
		Good:      "Our vesicle serum absorbs quickly and hydrates the outer layers of the skin.",
		Severity:  Warning,
		Markets:   map[Market]Severity{KR: Error, CN: Error},
		Citations: []string{"asa-compact-guide", "kr-mfds-2025", "cn-nmpa-labeling"},
		Kinds:     ProductKinds(),
		Check:     checkPenetrationClaim,
	}
}

func checkPenetrationClaim(p *Pass) {
	covered := map[[2]int]bool{}
	for _, h := range longestFirst(p.Hits("penetration")) {
		if !p.ownClaim(h) || overlaps(covered, h) {
			continue
		}
		// "Injected into the dermis" is a route; "in vivo study" is a test.
		if p.sentenceHas(h, "procedure-inject") || p.overlapsGroup(h, "testing-clinical") {
			continue
		}
		markCovered(covered, h)
		p.Reportf(h.Span(), "%q claims the product crosses the skin barrier: the skin keeps most things out, and an effect in the dermis is a drug claim", p.matchText(h))
	}
}
