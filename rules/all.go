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

// Catalog is every rule a finding can name: the checks in All and the
// findings the run's own policy produces (brand terms, suppressions).
func Catalog() []*Rule { return append(All(), PolicyRules()...) }
