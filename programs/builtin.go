package programs

import (
	"github.com/taawun/taawun/coop"
)

var date = coop.MustParseDate

// since returns a parameter with one value in force from d.
func since(name string, d coop.Date, v Value, ref string) Parameter {
	return Parameter{Name: name, Values: []Dated{{Since: d, Value: v}}, Reference: ref}
}

// The references of the programmes (../shared/reference/programs.md).
const (
	refMourafaka   = "Mourafaka, ODCO post-creation support (framework agreement of 11 May 2011; 4th tranche launched 6 April 2022)"
	refMourafakaT4 = "Mourafaka 4th tranche call (ODCO, 6 April 2022): legal existence not exceeding four years"
	refINDH        = "INDH phase III, programme 3, income improvement and social and solidarity economy (provincial calls for projects)"
	refCraft       = "Craft cooperative development programme, Casablanca-Settat 2022-2024 (ODCO Casablanca delegation)"
	refMoazara     = "Moazara, call for projects of the ministry in charge of the social and solidarity economy"
	refLalla       = "Prix national Lalla Al Moutaâouina for women's cooperatives (ministry and ODCO)"
	refGeneration  = "Prix national Génération Solidaire for youth cooperatives (ODCO and ministry)"
	refPIAE        = "Programme d'Insertion par l'Activité Économique (Mohammed V Foundation for Solidarity)"
	refMotatawi3   = "Motatawi3, national youth volunteering programme (ministry of youth, call of 19 June 2023)"
)

func builtin() []Program {
	t1, t4 := date("2014-03-01"), date("2022-04-06")
	indh23 := date("2023-01-01")
	craft22 := date("2022-01-01")
	moaz23, moaz24 := date("2023-09-15"), date("2024-08-01")
	gs23 := date("2023-01-01")
	piae22 := date("2022-01-01")
	mot23 := date("2023-06-19")
	return []Program{
		{
			ID:        "mourafaka",
			Names:     coop.Names{FR: "Mourafaka", AR: "مرافقة", EN: "Mourafaka"},
			Operator:  "ODCO",
			Accepts:   []ApplicantKind{Cooperative},
			Reference: refMourafaka,
			Benefits:  "strategic diagnosis, group training of managers, individual coaching of 12 visits over 24 months",
			Schedule: &Schedule{Kind: coop.CoachingVisit, Visits: 12, Months: 24,
				Reference: "Mourafaka, ODCO: individual coaching of 12 sessions or visits over 24 months"},
			Calls: []Call{
				{ID: "mourafaka-t1", Opens: t1, Reference: "Mourafaka 1st tranche (2014): cooperatives in their first two years",
					Parameters: []Parameter{
						{Name: "max_existence_years", Values: []Dated{{Since: t1, Value: Int(2)}}, Reference: "press reports of the 1st tranche: \"the first two years\"",
							Doc: "The 1st tranche's limit is known only from press reports (\"first two years of their existence\"); no call text was found."},
						since("quota", t1, Int(450), "Mourafaka 1st tranche: 450 cooperatives"),
					}},
				{ID: "mourafaka-t4", Opens: t4, Reference: refMourafakaT4,
					Parameters: []Parameter{
						since("max_existence_years", t4, Int(4), refMourafakaT4),
						since("quota", t4, Int(600), "600 cooperatives in 3 phases of 200"),
					},
					Phases: []Phase{{ID: "1", Regions: []string{"MA-10", "MA-08", "MA-07", "MA-04"}}}},
			},
			Criteria: []Criterion{
				ApplicantKindCriterion(refMourafaka, Cooperative),
				RegisteredCriterion(),
				ExistenceMaxCriterion(refMourafakaT4),
				RegionCriterion(refMourafakaT4 + "; phase 1: Guelmim-Oued Noun, Drâa-Tafilalet, Marrakech-Safi, Rabat-Salé-Kénitra"),
				CallWindowCriterion(),
			},
		},
		{
			ID:        "indh-income",
			Names:     coop.Names{FR: "INDH – Amélioration du revenu (ESS)", AR: "المبادرة الوطنية للتنمية البشرية – تحسين الدخل", EN: "INDH income improvement (SSE)"},
			Operator:  "INDH provincial committees (CPDH)",
			Accepts:   []ApplicantKind{Cooperative},
			Reference: refINDH,
			Benefits:  "technical support and a grant of up to 60% of the project, capped at 300,000 MAD",
			Calls: []Call{{ID: "indh-income-2023", Opens: indh23, Closes: date("2023-12-31"), Reference: refINDH + ", 2023",
				Parameters: []Parameter{
					since("sectors", indh23, Sectors("agriculture", "handicraft", "services", "tourism", "fishing"), refINDH),
					since("youth_max_age", indh23, Int(35), "INDH calls: youth aged 18 to 35 (Al Hoceima 2022)"),
					since("min_women_youth_share", indh23, Ratio("0.30"), "INDH calls: women and youth more than 30% of members"),
					since("grant_rate", indh23, Ratio("0.60"), "INDH grant at most 60% of the project"),
					since("grant_cap", indh23, Amount("300000"), "INDH grant capped at 300,000 MAD"),
					since("min_own_rate", indh23, Ratio("0.40"), "holder's contribution at least 40%"),
					since("max_in_kind_share", indh23, Ratio("0.50"), "in-kind at most 50% of the holder's contribution"),
				}}},
			Criteria: []Criterion{
				ApplicantKindCriterion(refINDH, Cooperative),
				RegisteredCriterion(),
				Law11212Criterion(),
				RegionCriterion(refINDH + ": the region of the call, when it names one"),
				ProvinceCriterion(refINDH + ": located in the prefecture or province of the call"),
				SectorCriterion(refINDH + ": sectors of the call"),
				CallWindowCriterion(),
				WomenYouthShareCriterion(refINDH + ": women and youth more than 30% of members"),
				OwnContributionCriterion(refINDH + ": holder's contribution at least 40% of the cost"),
				InKindCapCriterion(refINDH + ": contribution in kind at most 50% of the holder's contribution"),
			},
			Grant:       RateCapGrant,
			GrantParams: []string{"grant_rate", "grant_cap"},
		},
		{
			ID:        "craft-casa-settat",
			Names:     coop.Names{FR: "Programme de développement des coopératives artisanales, Casablanca-Settat", AR: "برنامج تنمية التعاونيات الحرفية، الدار البيضاء - سطات", EN: "Craft cooperative development programme, Casablanca-Settat"},
			Operator:  "ODCO Casablanca delegation",
			Accepts:   []ApplicantKind{Cooperative},
			Reference: refCraft,
			Benefits:  "equipment, strategic diagnosis, growth plan, training",
			Calls: []Call{{ID: "craft-casa-settat-2022", Opens: craft22, Closes: date("2024-12-31"), Reference: refCraft,
				Parameters: []Parameter{
					since("regions", craft22, Regions("MA-06"), refCraft),
					since("sectors", craft22, Sectors("handicraft"), refCraft),
					since("branches", craft22, Branches("jewellery", "weaving", "leather", "pottery", "sewing", "basketry"), refCraft),
					since("min_experience_years", craft22, Int(2), refCraft+": at least 2 years of experience"),
				}}},
			Criteria: []Criterion{
				ApplicantKindCriterion(refCraft, Cooperative),
				RegisteredCriterion(),
				Law11212Criterion(),
				MembersMinCriterion(),
				RegionCriterion(refCraft),
				SectorCriterion(refCraft),
				BranchCriterion(refCraft + ": jewellery, weaving, leather goods, pottery, sewing, basketry"),
				ExperienceMinCriterion(refCraft + ": at least 2 years of experience"),
				CallWindowCriterion(),
				DeclaredCriterion(CritDisadvantagedMembers, FactDisadvantagedMembers, refCraft+": members from disadvantaged backgrounds"),
			},
		},
		{
			ID:        "moazara",
			Names:     coop.Names{FR: "Moazara", AR: "مؤازرة", EN: "Moazara"},
			Operator:  "Ministry in charge of the social and solidarity economy, with partner regions",
			Accepts:   []ApplicantKind{Cooperative},
			Reference: refMoazara,
			Benefits:  "grant of up to 49,000 MAD per project and support",
			Calls: []Call{
				{ID: "moazara-2023", Opens: moaz23, Closes: date("2023-10-13"), Reference: refMoazara + ", 4th edition (15 September - 13 October 2023)",
					Parameters: []Parameter{
						since("regions", moaz23, Regions("MA-02", "MA-03"), "4th edition: partner regions Oriental and Fès-Meknès"),
						since("grant_cap", moaz23, Amount("49000"), refMoazara),
					}},
				{ID: "moazara-2024", Opens: moaz24, Reference: refMoazara + ", 5th edition (launched 1 August 2024)",
					Parameters: []Parameter{
						since("regions", moaz24, Regions("MA-01", "MA-02", "MA-03"), "5th edition: Fès-Meknès, Oriental and Tanger-Tétouan-Al Hoceïma"),
						since("grant_cap", moaz24, Amount("49000"), "5th edition: up to 49,000 MAD per project"),
					}},
			},
			Criteria: []Criterion{
				ApplicantKindCriterion(refMoazara, Cooperative),
				RegisteredCriterion(),
				RegionCriterion(refMoazara + ": cooperatives of the partner regions"),
				CallWindowCriterion(),
			},
		},
		{
			ID:        "lalla-al-moutaaouina",
			Names:     coop.Names{FR: "Prix Lalla Al Moutaâouina", AR: "جائزة للا المتعاونة", EN: "Lalla Al Moutaaouina prize"},
			Operator:  "Ministry and ODCO",
			Accepts:   []ApplicantKind{Cooperative},
			Reference: refLalla,
			Benefits:  "50,000 MAD per laureate and support",
			Calls: []Call{
				{ID: "lalla-al-moutaaouina-2024", Opens: date("2024-01-01"), Closes: date("2024-04-24"), Reference: refLalla + ", 5th edition",
					Parameters: []Parameter{since("award", date("2024-01-01"), Amount("50000"), refLalla)}},
				{ID: "lalla-al-moutaaouina-2025", Opens: date("2025-01-01"), Closes: date("2025-04-15"), Reference: refLalla + ", 6th edition",
					Parameters: []Parameter{since("award", date("2025-01-01"), Amount("50000"), refLalla)}},
			},
			Criteria: []Criterion{
				ApplicantKindCriterion(refLalla, Cooperative),
				RegisteredCriterion(),
				CallWindowCriterion(),
				WomenOnlyCriterion(refLalla + ": women's cooperatives (every member a woman; the exact rule is unconfirmed)"),
			},
		},
		{
			ID:        "generation-solidaire",
			Names:     coop.Names{FR: "Prix Génération Solidaire", AR: "جائزة جيل متضامن", EN: "Generation Solidaire prize"},
			Operator:  "ODCO and ministry",
			Accepts:   []ApplicantKind{Cooperative},
			Reference: refGeneration,
			Benefits:  "50,000 MAD per laureate and support",
			Calls: []Call{{ID: "generation-solidaire-2023", Opens: gs23, Closes: date("2023-12-31"), Reference: refGeneration + ", 3rd edition (2023)",
				Parameters: []Parameter{
					{Name: "youth_min_age", Values: []Dated{{Since: gs23, Value: Int(18)}}, Unconfirmed: true,
						Doc: "No official definition of a youth cooperative was found; 18 to 40 is the range other youth schemes use."},
					{Name: "youth_max_age", Values: []Dated{{Since: gs23, Value: Int(40)}}, Unconfirmed: true,
						Doc: "No official definition of a youth cooperative was found; 18 to 40 is the range other youth schemes use."},
					since("award", gs23, Amount("50000"), refGeneration),
				}}},
			Criteria: []Criterion{
				ApplicantKindCriterion(refGeneration, Cooperative),
				RegisteredCriterion(),
				CallWindowCriterion(),
				AllMembersAgedCriterion(CritYouthMembers, "youth_min_age", "youth_max_age", refGeneration+": youth cooperatives (age range unconfirmed)"),
			},
		},
		{
			ID:        "piae",
			Names:     coop.Names{FR: "Programme d'Insertion par l'Activité Économique", AR: "برنامج الإدماج عبر النشاط الاقتصادي", EN: "Insertion through Economic Activity (PIAE)"},
			Operator:  "Mohammed V Foundation for Solidarity",
			Accepts:   []ApplicantKind{Cooperative},
			Reference: refPIAE,
			Benefits:  "equipment in kind, training, pre- and post-creation support",
			Calls: []Call{{ID: "piae-casa-settat-2022", Opens: piae22, Closes: date("2024-12-31"), Reference: refPIAE + ", Casablanca-Settat (ODCO information day of 25 May 2023)",
				Parameters: []Parameter{
					since("regions", piae22, Regions("MA-06"), refPIAE+", Casablanca-Settat call"),
					since("min_age", piae22, Int(22), "Casablanca-Settat call: young people aged 22 to 40"),
					since("max_age", piae22, Int(40), "Casablanca-Settat call: young people aged 22 to 40"),
				}}},
			Criteria: []Criterion{
				ApplicantKindCriterion(refPIAE, Cooperative),
				RegisteredCriterion(),
				RegionCriterion(refPIAE + ": regional call"),
				CallWindowCriterion(),
				AllMembersAgedCriterion(CritMembersAge, "min_age", "max_age", refPIAE+": young people aged 22 to 40"),
				DeclaredCriterion(CritPrecariousSituation, FactPrecariousSituation, refPIAE+": young people in precarious situations"),
			},
		},
		{
			ID:        "motatawi3",
			Names:     coop.Names{FR: "Motatawi3", AR: "متطوع", EN: "Motatawi3"},
			Operator:  "Ministry of youth, with ODCO delegations placing volunteers in cooperatives",
			Accepts:   []ApplicantKind{Person},
			Reference: refMotatawi3,
			Benefits:  "one week of training, then two weeks of volunteering",
			Calls: []Call{{ID: "motatawi3-2023", Opens: mot23, Closes: date("2023-07-02"), Reference: refMotatawi3 + ", 1st edition (19 June - 2 July 2023)",
				Parameters: []Parameter{
					since("min_age", mot23, Int(18), refMotatawi3+": young people aged 18 to 22"),
					since("max_age", mot23, Int(22), refMotatawi3+": young people aged 18 to 22"),
				}}},
			Criteria: []Criterion{
				ApplicantKindCriterion(refMotatawi3, Person),
				CallWindowCriterion(),
				PersonAgeCriterion(refMotatawi3 + ": aged 18 to 22"),
			},
		},
	}
}
