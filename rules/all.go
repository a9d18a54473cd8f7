package rules

// All returns every rule, sorted by id. The list is written out by hand: no
// registration by init, no generated code.
func All() []*Rule {
	return []*Rule{
		AnnexIISubstance(),
		AnnexIIIRestricted(),
		ApprovalClaim(),
		BeforeAfterDetails(),
		ClinicHumanExosomes(),
		DrugClaim(),
		ExosomeTermForNonMammalian(),
		FreeFromClaim(),
		FreePracticeDisclosure(),
		HumanDerivedIngredient(),
		HypeWording(),
		InciClaimMismatch(),
		InciSourceConflict(),
		InciUnknownName(),
		InjectedExosomeTreatment(),
		JPUnapprovedDisclosure(),
		NameClaim(),
		ParticleCountClaim(),
		PenetrationClaim(),
		ProcedureComparison(),
		ProcedureWording(),
		ResearchUseOnly(),
		SafetyAbsolute(),
		SourceUndisclosed(),
		SourceVague(),
		StemCellImplication(),
		TestimonialDrugClaim(),
		TestingUndisclosed(),
		TreatmentApprovalClaim(),
		TreatmentClaim(),
		TreatmentGuarantee(),
		TreatmentNoRisk(),
		TreatmentTestimonial(),
		UnsupportedEvidence(),
	}
}

// Catalog is every rule a finding can name: the checks in All and the
// findings the run's own policy produces (brand terms, suppressions).
func Catalog() []*Rule { return append(All(), PolicyRules()...) }
