package rules

// All returns every rule, sorted by id. The list is written out by hand: no
// registration by init, no generated code.
func All() []*Rule {
	return []*Rule{
		AnnexIISubstance(),
		AnnexIIIRestricted(),
		ApprovalClaim(),
		DrugClaim(),
		ExosomeTermForNonMammalian(),
		FreeFromClaim(),
		HumanDerivedIngredient(),
		HypeWording(),
		InciClaimMismatch(),
		InciSourceConflict(),
		InciUnknownName(),
		NameClaim(),
		ParticleCountClaim(),
		PenetrationClaim(),
		ProcedureComparison(),
		ProcedureWording(),
		SafetyAbsolute(),
		SourceUndisclosed(),
		SourceVague(),
		StemCellImplication(),
		TestimonialDrugClaim(),
		TestingUndisclosed(),
		UnsupportedEvidence(),
	}
}
