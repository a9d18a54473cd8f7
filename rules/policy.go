package rules

// Rule ids that come from the project's own policy rather than from the
// catalog: a brand's terms and the bookkeeping of suppressions. They are
// Rule values so config, docs and reports can name them like any rule.
const (
	BrandTermID          = "brand-term"
	UnusedSuppressionID  = "unused-suppression"
	BadSuppressionID     = "bad-suppression"
	ExpiredSuppressionID = "expired-suppression"
)

// PolicyRules describes the policy rule ids. Only brand-term checks
// anything (see BrandTerms); the others are reported by the suppression
// filter.
func PolicyRules() []*Rule {
	return []*Rule{
		{ID: BrandTermID, Title: "phrase the brand's own configuration says to avoid", Severity: Warning, Kinds: AllPageKinds(),
			Doc: "Reported for each phrase listed under terms.avoid in .exolint.yml, with its message and replacement."},
		{ID: UnusedSuppressionID, Title: "suppression comment that matched no finding", Severity: Info,
			Doc: "An exolint-disable comment that no longer suppresses anything hides the next real problem; remove it."},
		{ID: BadSuppressionID, Title: "malformed suppression comment", Severity: Error,
			Doc: "An exolint-disable comment must name known rule ids and give a reason after \" -- \"."},
		{ID: ExpiredSuppressionID, Title: "suppressions-file entry past its expiry date", Severity: Warning,
			Doc: "An entry in the suppressions file whose expires date has passed no longer suppresses; renew or remove it."},
	}
}
