package coop

import "strings"

// Sector is a cooperative's sector of activity, as a stable lower-case slug
// ("agriculture", "handicraft"; Sectors lists them). ODCO publishes no
// machine-readable nomenclature; the list is reconstructed from the sectors
// its communiqués and yearly figures report. Argan and
// aromatic and medicinal plants are separate sectors, as ODCO reports them.
type Sector string

// The sectors.
const (
	Agriculture          Sector = "agriculture"
	Handicraft           Sector = "handicraft"
	Housing              Sector = "housing"
	Food                 Sector = "food"
	Argan                Sector = "argan"
	AromaticMedicinal    Sector = "aromatic-medicinal-plants"
	Forestry             Sector = "forestry"
	Fishing              Sector = "fishing"
	Transport            Sector = "transport"
	Literacy             Sector = "literacy"
	Consumption          Sector = "consumption"
	Retail               Sector = "retail"
	Labour               Sector = "labour"
	Quarries             Sector = "quarries"
	Mines                Sector = "mines"
	Waste                Sector = "waste"
	Tourism              Sector = "tourism"
	Communication        Sector = "communication"
	ManagementConsulting Sector = "management-consulting"
	ArtsCulture          Sector = "arts-culture"
	Printing             Sector = "printing"
	Bookshop             Sector = "bookshop"
	ECommerce            Sector = "e-commerce"
	Services             Sector = "services"
	RenewableEnergy      Sector = "renewable-energy"
)

// SectorInfo describes a sector.
type SectorInfo struct {
	Sector Sector `json:"sector"`
	Names  Names  `json:"names"`
	// Unconfirmed marks a grouping seen in delegation reports whose status as
	// a registry sector is not confirmed ("services", "renewable-energy").
	Unconfirmed bool `json:"unconfirmed,omitempty"`
}

var sectorTable = []SectorInfo{
	{Agriculture, Names{FR: "Agriculture", AR: "الفلاحة", EN: "Agriculture"}, false},
	{Handicraft, Names{FR: "Artisanat", AR: "الصناعة التقليدية", EN: "Handicraft"}, false},
	{Housing, Names{FR: "Habitat", AR: "السكن", EN: "Housing"}, false},
	{Food, Names{FR: "Denrées alimentaires", AR: "المواد الغذائية", EN: "Foodstuffs"}, false},
	{Argan, Names{FR: "Argane", AR: "الأركان", EN: "Argan"}, false},
	{AromaticMedicinal, Names{FR: "Plantes aromatiques et médicinales", AR: "النباتات العطرية والطبية", EN: "Aromatic and medicinal plants"}, false},
	{Forestry, Names{FR: "Forêt", AR: "الغابات", EN: "Forestry"}, false},
	{Fishing, Names{FR: "Pêche", AR: "الصيد البحري", EN: "Fishing"}, false},
	{Transport, Names{FR: "Transport", AR: "النقل", EN: "Transport"}, false},
	{Literacy, Names{FR: "Alphabétisation", AR: "محاربة الأمية", EN: "Literacy"}, false},
	{Consumption, Names{FR: "Consommation", AR: "الاستهلاك", EN: "Consumption"}, false},
	{Retail, Names{FR: "Commerçants détaillants", AR: "التجار بالتقسيط", EN: "Retail"}, false},
	{Labour, Names{FR: "Main d'œuvre", AR: "اليد العاملة", EN: "Labour"}, false},
	{Quarries, Names{FR: "Exploitation des carrières", AR: "استغلال المقالع", EN: "Quarries"}, false},
	{Mines, Names{FR: "Mines", AR: "المعادن", EN: "Mines"}, false},
	{Waste, Names{FR: "Traitement des déchets", AR: "معالجة النفايات", EN: "Waste treatment"}, false},
	{Tourism, Names{FR: "Tourisme", AR: "السياحة", EN: "Tourism"}, false},
	{Communication, Names{FR: "Communication", AR: "التواصل", EN: "Communication"}, false},
	{ManagementConsulting, Names{FR: "Conseil et gestion", AR: "الاستشارة والتدبير", EN: "Management consulting"}, false},
	{ArtsCulture, Names{FR: "Art et culture", AR: "الفن والثقافة", EN: "Arts and culture"}, false},
	{Printing, Names{FR: "Imprimerie", AR: "الطباعة", EN: "Printing"}, false},
	{Bookshop, Names{FR: "Librairie", AR: "المكتبات", EN: "Bookshop"}, false},
	{ECommerce, Names{FR: "Commerce électronique", AR: "التجارة الإلكترونية", EN: "E-commerce"}, false},
	{Services, Names{FR: "Services", AR: "الخدمات", EN: "Services"}, true},
	{RenewableEnergy, Names{FR: "Énergies renouvelables", AR: "الطاقات المتجددة", EN: "Renewable energy"}, true},
}

var sectorIndex = func() map[Sector]int {
	m := make(map[Sector]int, len(sectorTable))
	for i, s := range sectorTable {
		m[s.Sector] = i
	}
	return m
}()

// Sectors returns every sector, agriculture first.
func Sectors() []SectorInfo { return append([]SectorInfo(nil), sectorTable...) }

// ParseSector accepts a sector slug ("handicraft") or a sector's name in
// French, Arabic or English ("Artisanat"), ignoring case and accents. An
// unknown sector is an Invalid error with the rule "sector".
func ParseSector(s string) (Sector, error) {
	if _, ok := sectorIndex[Sector(s)]; ok {
		return Sector(s), nil
	}
	f := Fold(s)
	for _, si := range sectorTable {
		if f == Fold(string(si.Sector)) || f == Fold(si.Names.FR) || f == Fold(si.Names.EN) || f == Fold(si.Names.AR) {
			return si.Sector, nil
		}
	}
	return "", Fieldf("", "sector", "%q is not a sector (agriculture, handicraft, housing, ...)", Excerpt(s))
}

// Valid reports whether s is a known sector.
func (s Sector) Valid() bool { _, ok := sectorIndex[s]; return ok }

// Name returns the sector's label in lang, or the slug when unknown.
func (s Sector) Name(lang Lang) string {
	if i, ok := sectorIndex[s]; ok {
		return sectorTable[i].Names.In(lang)
	}
	return string(s)
}

// Index returns the sector's position in Sectors, or -1 when unknown. It
// lets aggregations use arrays instead of maps.
func (s Sector) Index() int {
	if i, ok := sectorIndex[s]; ok {
		return i
	}
	return -1
}

// Branch is a branch (filière) within a sector, as a lower-case English slug
// such as "weaving" or "dairy". Branches are open: any well-formed slug is
// accepted, and KnownBranches lists the ones the sources name.
type Branch string

// BranchInfo describes a branch named in the sources.
type BranchInfo struct {
	Branch Branch `json:"branch"`
	Sector Sector `json:"sector"`
	Names  Names  `json:"names"`
}

var branchTable = []BranchInfo{
	// Agriculture (ODCO 2004 yearbook: dairy 34 %, livestock 20 %, supply 13 %,
	// beekeeping 11 %, shared equipment 6 %, market gardening and citrus 4 %).
	{"dairy", Agriculture, Names{FR: "Collecte et transformation du lait", AR: "جمع وتحويل الحليب", EN: "Dairy"}},
	{"livestock", Agriculture, Names{FR: "Élevage", AR: "تربية الماشية", EN: "Livestock"}},
	{"supply", Agriculture, Names{FR: "Approvisionnement", AR: "التزويد", EN: "Farm supply"}},
	{"beekeeping", Agriculture, Names{FR: "Apiculture", AR: "تربية النحل", EN: "Beekeeping"}},
	{"farm-equipment", Agriculture, Names{FR: "Utilisation de matériel agricole (CUMA)", AR: "استعمال العتاد الفلاحي", EN: "Shared farm equipment"}},
	{"market-gardening", Agriculture, Names{FR: "Maraîchage et agrumes", AR: "الخضروات والحوامض", EN: "Market gardening and citrus"}},
	// Handicraft: the branches of the Casablanca-Settat craft programme, and
	// carpets and embroidery from the 2004 yearbook.
	{"jewellery", Handicraft, Names{FR: "Bijouterie", AR: "الحلي", EN: "Jewellery"}},
	{"weaving", Handicraft, Names{FR: "Tissage", AR: "النسيج", EN: "Weaving"}},
	{"leather", Handicraft, Names{FR: "Maroquinerie", AR: "الجلد", EN: "Leather goods"}},
	{"pottery", Handicraft, Names{FR: "Poterie", AR: "الفخار", EN: "Pottery"}},
	{"sewing", Handicraft, Names{FR: "Couture", AR: "الخياطة", EN: "Sewing"}},
	{"basketry", Handicraft, Names{FR: "Vannerie", AR: "صناعة السلال", EN: "Basketry"}},
	{"carpets", Handicraft, Names{FR: "Tapis", AR: "الزرابي", EN: "Carpets"}},
	{"embroidery", Handicraft, Names{FR: "Broderie", AR: "الطرز", EN: "Embroidery"}},
	{"woodwork", Handicraft, Names{FR: "Menuiserie et bois", AR: "النجارة", EN: "Woodwork"}},
}

// KnownBranches returns the branches named in the sources for sector, or all
// of them when sector is "".
func KnownBranches(sector Sector) []BranchInfo {
	var out []BranchInfo
	for _, b := range branchTable {
		if sector == "" || b.Sector == sector {
			out = append(out, b)
		}
	}
	return out
}

// ParseBranch accepts a lower-case slug of letters, digits and single
// hyphens, at most 40 characters ("weaving", "market-gardening"). Upper-case
// input is lowered.
func ParseBranch(s string) (Branch, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	ok := len(s) > 0 && len(s) <= 40 && s[0] >= 'a' && s[0] <= 'z' && s[len(s)-1] != '-'
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s[i-1] != '-')
	}
	if !ok {
		return "", Fieldf("", "branch", "%q is not a branch slug (lower-case letters, digits and hyphens, e.g. \"weaving\")", Excerpt(s))
	}
	return Branch(s), nil
}

// Name returns the branch's label in lang when it is a known branch, or the
// slug.
func (b Branch) Name(lang Lang) string {
	for _, bi := range branchTable {
		if bi.Branch == b {
			return bi.Names.In(lang)
		}
	}
	return string(b)
}
