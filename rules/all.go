package rules

// All returns every rule, sorted by id. The list is written out by hand: no
// registration by init, no generated code.
func All() []*Rule {
	return []*Rule{
		AnnexIISubstance(),
		AnnexIIIRestricted(),
		ApprovalClaim(),
		HypeWording(),
		InciClaimMismatch(),
		InciSourceConflict(),
		InciUnknownName(),
		SourceUndisclosed(),
		TestingUndisclosed(),
	}
}
