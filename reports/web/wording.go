package web

// plainWording is how the verdict page names a rule's finding for a
// consumer: a headline in everyday words and why it matters, in one
// sentence. The rule id, title and full documentation stay one click away
// (/rules/{id}). Every rule in the catalog needs an entry; a test says so
// when a new rule arrives without one.
type plainWording struct {
	Headline string
	Why      string
}

// ruleWording is built once per server (Server.wording).
func ruleWording() map[string]plainWording {
	return map[string]plainWording{
		"annex-ii-substance": {
			"Contains an ingredient banned in EU cosmetics",
			"EU and UK law lists this substance among those a cosmetic must not contain; for exosome products that usually means material of human origin.",
		},
		"annex-iii-restricted": {
			"Contains an ingredient with legal limits",
			"EU and UK law allows this substance in cosmetics only within set amounts and product types, with warnings on the label; a list cannot show whether it stays within them.",
		},
		"approval-claim": {
			"Claims an approval cosmetics do not get",
			"No regulator approves cosmetics and no exosome product is FDA-approved, so a badge like this suggests a safety review that never happened.",
		},
		"drug-claim": {
			"Promises to treat or heal, like a medicine",
			"A cosmetic may only change how skin looks and feels; promises to heal, regenerate cells or boost collagen are medicine claims no cosmetic is approved to make.",
		},
		"exosome-term-for-non-mammalian": {
			`Calls plant or lab-made particles "exosomes"`,
			`Scientists keep "exosome" for vesicles made by animal cells; used for plants or lab-made particles, the word can dress up an ordinary extract.`,
		},
		"free-from-claim": {
			"Sells itself on what it leaves out",
			`"Free from" claims imply that legal, safe ingredients are harmful, which EU and UK rules treat as unfair.`,
		},
		"human-derived-ingredient": {
			"Made from human cells",
			"Exosomes and culture media from human cells are banned in EU, UK, Chinese and Taiwanese cosmetics, and anywhere they need donor screening and sterility testing.",
		},
		"hype-wording": {
			"Too good to be true",
			`Words like "miracle" or "erases wrinkles" promise more than any cosmetic can prove, and advertising regulators have ruled against them.`,
		},
		"inci-claim-mismatch": {
			"The ingredient list does not back up the exosome claim",
			"The ingredient list is the legal record of what is inside, and it names no exosome ingredient, or only look-alikes such as plant extracts or PDRN.",
		},
		"inci-source-conflict": {
			"The page and the ingredient list disagree about the source",
			"The page says the exosomes come from one source and the ingredient list names another, so one of them is wrong.",
		},
		"inci-unknown-name": {
			"An ingredient name looks misspelt",
			"The name is not in the EU ingredient inventory but is close to one that is; a misspelt label makes it harder to check what you are buying.",
		},
		"name-claim": {
			"The product name makes a promise",
			"A name is shown on shelves and in search results without any qualifying text, so a claim in it reaches buyers unchecked.",
		},
		"particle-count-claim": {
			"An exosome count that cannot be checked",
			`"Billions of exosomes" means nothing without the volume and the method it was measured by.`,
		},
		"penetration-claim": {
			"Says it goes deep into your skin",
			"Skin is built to keep things out; claims that a product reaches the dermis or your cells are unproven and describe a drug effect.",
		},
		"procedure-comparison": {
			"Compares itself with Botox, fillers or surgery",
			"A cream cannot do what an injection or a procedure does, and regulators treat such comparisons as misleading.",
		},
		"procedure-wording": {
			"Talks about injecting or microneedling exosomes",
			"No exosome product is approved for injection or for use on broken skin, and health agencies have warned against using them with microneedling.",
		},
		"safety-absolute": {
			"Promises it is completely safe",
			"No product is free of all risk, so an absolute safety promise cannot be backed up.",
		},
		"source-undisclosed": {
			"Does not say where the exosomes come from",
			"Exosomes can come from plants, milk, bacteria or human cells, and which one matters for safety, ethics and the law.",
		},
		"source-vague": {
			"Names the source only vaguely",
			`Words like "stem cell" or "bio-engineered" do not say which organism or tissue the exosomes come from.`,
		},
		"stem-cell-implication": {
			"Suggests it contains stem cells",
			"Cosmetics contain no living stem cells, and regulators in Korea, Japan and the UK have treated such wording as misleading.",
		},
		"testimonial-drug-claim": {
			"A review on the seller's page makes a medical claim",
			"When a seller shows a review saying the product healed something, regulators count it as the seller's own claim.",
		},
		"testing-undisclosed": {
			"Shows no testing of the exosomes",
			"Nothing on the page says how the exosomes were checked (size, markers, purity or safety), so there is no evidence of what is in the bottle.",
		},
		"unsupported-evidence": {
			"Cites proof without the details",
			`"Clinically proven" or "97% saw results" means little without who was tested, how many, for how long and by whom.`,
		},
		"before-after-details": {
			"Shows before-and-after results of a treatment",
			"Japan allows them only with the treatment, sessions, cost and risks beside each case; Taiwan and China ban them in medical ads, and elsewhere they tend to show the best case.",
		},
		"clinic-human-exosomes": {
			"The clinic uses exosomes from human tissue",
			"Human-derived exosomes are banned in UK and EU cosmetics and count as an unapproved medicine when injected; in the US they are unapproved biologics.",
		},
		"free-practice-disclosure": {
			"The treatment page leaves out its cost or risks",
			"Japan and Korea require clinic pages to state what a treatment costs, how many sessions it takes and its main risks and side effects.",
		},
		"injected-exosome-treatment": {
			"The clinic injects or needles exosomes into the skin",
			"No exosome product is approved for injection, infusion or microneedling, and Korea forbids injecting cosmetics; infections have followed such use.",
		},
		"jp-unapproved-disclosure": {
			"The clinic does not say the product is unapproved",
			"Japan requires a clinic offering an unapproved product to say so, say how it was obtained, whether an approved alternative exists, what is known abroad, and that the public side-effect relief scheme does not cover it.",
		},
		"research-use-only": {
			`Sold as "for research only" but meant for patients`,
			"A research label does not make a treatment product lawful; Japan and the FDA have acted against exosome \"reagents\" sold to clinics with treatment instructions.",
		},
		"treatment-approval-claim": {
			"Claims an approval no exosome treatment has",
			"No exosome product is approved by the FDA or by regulators in Japan, Korea, Taiwan or China, so an approval badge on a treatment is not true.",
		},
		"treatment-claim": {
			"The clinic promises the treatment heals or cures",
			"No exosome product is approved to treat any disease or to regenerate tissue, and medical advertising may not promise effects a treatment cannot show.",
		},
		"treatment-guarantee": {
			"The clinic guarantees results",
			"No medical treatment can promise its outcome, and the advertising laws of Japan, Korea, Germany, Taiwan and China forbid it.",
		},
		"treatment-no-risk": {
			"The clinic says the treatment has no risks",
			"Every procedure can cause side effects, and injected exosomes have led to serious infections; a page that denies any risk is not telling you what to expect.",
		},
		"treatment-testimonial": {
			"Patient stories about results",
			"Japan, Korea, China and Taiwan ban patient testimonials in medical ads because results differ from person to person; elsewhere the clinic answers for what they claim.",
		},
		"brand-term": {
			"Uses a phrase the brand itself avoids",
			"The brand's own style guide lists this phrase as one not to use.",
		},
		"unused-suppression": {
			"A hidden linter comment that matched nothing",
			"The page's source carries an exolint comment meant to silence a finding that is no longer there.",
		},
		"bad-suppression": {
			"A hidden linter comment exolint cannot read",
			"The page's source carries an exolint comment that is malformed, so it silences nothing.",
		},
		"expired-suppression": {
			"A silenced finding whose waiver has expired",
			"A suppressions file waived this finding until a date that has passed.",
		},
	}
}
