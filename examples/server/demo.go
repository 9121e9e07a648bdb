package main

import (
	"fmt"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// demo returns cooperatives named in the press and in ODCO's communiqués.
// The sources give
// their place, founding year and activity; registration numbers, exact
// dates where only a year is known (or none), provinces where only a region
// is, members, shares and officers are illustrative.
func demo() []coop.Cooperative {
	type src struct {
		name, nameAR string
		province     coop.ProvinceCode
		commune      string
		registered   string
		law          coop.Law
		sector       coop.Sector
		branch       coop.Branch
		members      int
		women        int // members who are women, the first ones
		purpose      string
	}
	list := []src{
		{"Coopérative Ittihad", "تعاونية الاتحاد", "MA-IFR", "Ain Leuh", "1998-11-05", coop.Law2483, coop.Agriculture, "", 12, 12,
			"couscous and pasta, aromatic plants, essential oils; trademark TATFI; Terroir du Maroc"},
		{"Coopérative Andaz Nouska", "تعاونية أنداز نوسكا", "MA-MID", "Midelt", "2009-03-16", coop.Law2483, coop.Handicraft, "carpets", 9, 9,
			"carpets and Hanbal; National Label of Crafts"},
		{"Coopérative Al Alfia Atalita", "تعاونية الألفية الثالثة", "MA-REH", "Bourous", "2008-05-20", coop.Law2483, coop.Food, "", 30, 30,
			"couscous (Dar Couscous), gluten-free products"},
		{"Coopérative Kokiaj Mogador", "تعاونية كوكياج موكادور", "MA-ESI", "Essaouira", "2018-04-10", coop.Law11212, coop.Agriculture, "dairy", 7, 3,
			"cheese making, brand Mogalait"},
		{"Coopérative Ouch Almaz", "تعاونية أوش ألماز", "MA-NOU", "Dar Bouazza", "2020-09-14", coop.Law11212, coop.Handicraft, "jewellery", 6, 4,
			"gold and silver jewellery; Génération Solidaire prize 2022"},
		{"Coopérative Nissae Al Hourate", "تعاونية نساء الحورات", "MA-MOH", "Sidi Moussa Ben Ali", "2016-04-12", coop.Law11212, coop.Agriculture, "", 30, 30,
			"hot peppers: harissa, vinegar, sauce; ONSSA 2018; Lalla Al Moutaâouina prize 2022"},
		{"Coopérative Tinas Cop", "تعاونية تيناس", "MA-MEK", "Ouislane", "2019-04-15", coop.Law11212, coop.Agriculture, "beekeeping", 5, 5,
			"honey across the whole chain"},
		{"Coopérative Qatr Nada", "تعاونية قطر الندى", "MA-MEK", "Meknès", "2021-02-01", coop.Law11212, coop.AromaticMedicinal, "", 8, 7,
			"essential oils and medicinal plants"},
		{"Coopérative Tamo", "تعاونية تامو", "MA-HAO", "Aït Ourir", "2017-10-02", coop.Law11212, coop.Handicraft, "", 10, 10,
			"natural cosmetics"},
		{"Coopérative Al Minkar Adahabi", "تعاونية المنقار الذهبي", "MA-MED", "Médiouna", "2019-06-20", coop.Law11212, coop.Agriculture, "livestock", 6, 1,
			"exotic bird breeding, educational farm"},
		{"Coopérative Annissae Alhadgat", "تعاونية النساء الحاذقات", "MA-KES", "El Kelâa des Sraghna", "2015-01-12", coop.Law2483, coop.Handicraft, "sewing", 11, 11,
			"women's handicraft"},
	}
	hundred := coop.MustParseMAD("100")
	var out []coop.Cooperative
	for i, s := range list {
		reg := coop.MustParseDate(s.registered)
		c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: s.law, Name: s.name, NameAR: s.nameAR,
			Province: s.province, Commune: s.commune, Sector: s.sector, Branch: s.branch, RegisteredOn: reg,
			Court: string(s.province)[3:], RegistrationNumber: fmt.Sprintf("1/%s/%d/%d", string(s.province)[3:], reg.Year(), 100+i),
			Statutes: coop.Statutes{DurationYears: 99, ShareNominal: hundred, Purpose: s.purpose}}
		if s.law == coop.Law2483 {
			c.ConformedOn = coop.MustParseDate("2019-06-20")
		}
		for j := 0; j < s.members; j++ {
			g := coop.Male
			if j < s.women {
				g = coop.Female
			}
			amount := hundred.Mul(decimal.NewFromInt(int64(5 + j%6)))
			c.Members = append(c.Members, coop.Member{Number: j + 1, Type: coop.Natural, Gender: g,
				Name: fmt.Sprintf("Member %d of %s", j+1, s.name[len("Coopérative "):]), BirthDate: coop.MustParseDate("1970-03-01").AddDays((i*97 + j*389) % 12000),
				Shares: []coop.ShareMovement{{Kind: coop.Subscription, On: reg, Shares: 5 + j%6, Amount: amount, Paid: decimal.NewNullDecimal(amount)}}})
		}
		c.Governance.Managers = []coop.Officer{{Name: c.Members[0].Name, Role: "manager", Since: reg}}
		c.Turnover = map[int]decimal.Decimal{}
		for y := max(reg.Year(), 2019); y <= 2025; y++ {
			c.Turnover[y] = coop.MustParseMAD(fmt.Sprint(80000 + 15000*(i%5) + 5000*(y-2019)))
		}
		addRecords(&c)
		out = append(out, c)
	}
	return out
}

// addRecords gives the cooperatives the labels, prizes and support the
// sources name: Ittihad's right to the collective label "Terroir du
// Maroc", Andaz Nouska's National Label of Crafts, Nissae Al Hourate's 2018
// ONSSA certification and 2022 Lalla Al Moutaâouina prize, Ouch Almaz's 2022
// Génération Solidaire prize, Tinas Cop's INDH support at 60 % of its
// cost. Dates within the year, numbers, validity and amounts other than the
// prizes' 50,000.00 MAD are illustrative.
func addRecords(c *coop.Cooperative) {
	id := func(s string) uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceURL, []byte("taawun-demo:"+c.Name+":"+s)) }
	prize := func(name, on string) coop.Support {
		return coop.Support{ActionID: id(name), Kind: coop.Prize, Title: name, Start: coop.MustParseDate(on), Operator: "ministry and ODCO",
			Financing: &coop.Financing{Funder: name, Amount: coop.MustParseMAD("50000"), Cost: coop.MustParseMAD("50000")}}
	}
	switch c.Name {
	case "Coopérative Ittihad":
		c.Labels = append(c.Labels, coop.Label{ID: id("terroir"), Kind: coop.CollectiveLabel, Name: "Terroir du Maroc",
			Issuer: "Ministry of Agriculture", Products: []string{"couscous", "aromatic plants"}, ValidFrom: coop.MustParseDate("2018-03-01")})
	case "Coopérative Andaz Nouska":
		c.Labels = append(c.Labels, coop.Label{ID: id("craft"), Kind: coop.NationalCraftLabel, Name: "Label national de l'artisanat",
			Issuer: "Ministry of Handicrafts", Products: []string{"carpets", "Hanbal"}, ValidFrom: coop.MustParseDate("2021-05-01"),
			ValidUntil: coop.MustParseDate("2026-04-30")})
	case "Coopérative Nissae Al Hourate":
		c.Labels = append(c.Labels, coop.Label{ID: id("onssa"), Kind: coop.ONSSAApproval, Name: "Agrément sanitaire", Issuer: "ONSSA",
			Number: "AS.04.371.18", Products: []string{"harissa", "vinegar", "hot sauce", "paprika"}, ValidFrom: coop.MustParseDate("2018-07-01")})
		c.Supports = append(c.Supports, prize("Prix Lalla Al Moutaâouina 2022", "2022-03-08"))
	case "Coopérative Ouch Almaz":
		c.Supports = append(c.Supports, prize("Prix Génération Solidaire 2022", "2022-07-02"))
	case "Coopérative Tinas Cop":
		c.Supports = append(c.Supports, coop.Support{ActionID: id("indh"), Kind: coop.FinancialSupport, Title: "INDH income improvement",
			Start: coop.MustParseDate("2021-10-15"), Operator: "INDH Meknès", Delegation: "meknes", Program: "indh-income",
			Financing: &coop.Financing{Funder: "INDH", Amount: coop.MustParseMAD("120000"), Cost: coop.MustParseMAD("200000")}})
	}
}
