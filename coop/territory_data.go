package coop

// The territorial division of Decree 2-15-40 of 20 February 2015 (BO 6340):
// 12 regions and 75 prefectures and provinces, with their ISO 3166-2:MA codes
// and the geographic codes of the Haut-Commissariat au Plan (HCP).

var regionTable = []Region{
	{Code: "MA-01", HCP: "01", Seat: "Tanger", Names: Names{FR: "Tanger-Tétouan-Al Hoceïma", AR: "طنجة - تطوان - الحسيمة", EN: "Tanger-Tetouan-Al Hoceima"}},
	{Code: "MA-02", HCP: "02", Seat: "Oujda", Names: Names{FR: "L'Oriental", AR: "الشرق", EN: "Oriental"}},
	{Code: "MA-03", HCP: "03", Seat: "Fès", Names: Names{FR: "Fès-Meknès", AR: "فاس - مكناس", EN: "Fez-Meknes"}},
	{Code: "MA-04", HCP: "04", Seat: "Rabat", Names: Names{FR: "Rabat-Salé-Kénitra", AR: "الرباط - سلا - القنيطرة", EN: "Rabat-Sale-Kenitra"}},
	{Code: "MA-05", HCP: "05", Seat: "Béni Mellal", Names: Names{FR: "Béni Mellal-Khénifra", AR: "بني ملال - خنيفرة", EN: "Beni Mellal-Khenifra"}},
	{Code: "MA-06", HCP: "06", Seat: "Casablanca", Names: Names{FR: "Casablanca-Settat", AR: "الدار البيضاء - سطات", EN: "Casablanca-Settat"}},
	{Code: "MA-07", HCP: "07", Seat: "Marrakech", Names: Names{FR: "Marrakech-Safi", AR: "مراكش - آسفي", EN: "Marrakesh-Safi"}},
	{Code: "MA-08", HCP: "08", Seat: "Errachidia", Names: Names{FR: "Drâa-Tafilalet", AR: "درعة - تافيلالت", EN: "Draa-Tafilalet"}},
	{Code: "MA-09", HCP: "09", Seat: "Agadir", Names: Names{FR: "Souss-Massa", AR: "سوس - ماسة", EN: "Souss-Massa"}},
	{Code: "MA-10", HCP: "10", Seat: "Guelmim", Names: Names{FR: "Guelmim-Oued Noun", AR: "كلميم - واد نون", EN: "Guelmim-Oued Noun"}},
	{Code: "MA-11", HCP: "11", Seat: "Laâyoune", Names: Names{FR: "Laâyoune-Sakia El Hamra", AR: "العيون - الساقية الحمراء", EN: "Laayoune-Sakia El Hamra"}},
	{Code: "MA-12", HCP: "12", Seat: "Dakhla", Names: Names{FR: "Dakhla-Oued Ed-Dahab", AR: "الداخلة - وادي الذهب", EN: "Dakhla-Oued Ed-Dahab"}},
}

// HCP codes marked "" were not found in the sources (M'diq-Fnideq,
// Inezgane-Aït Melloul); Benslimane's 111 comes from a low-confidence source
// and is flagged HCPUnconfirmed.
var provinceTable = []Province{
	{Code: "MA-TNG", Region: "MA-01", Type: Prefecture, HCP: "511", Names: Names{FR: "Tanger-Assilah", AR: "طنجة - أصيلة", EN: "Tangier-Assilah"}, Aliases: []string{"Tanger", "Tangier", "Tanger Asilah"}},
	{Code: "MA-MDF", Region: "MA-01", Type: Prefecture, HCP: "", Names: Names{FR: "M'diq-Fnideq", AR: "المضيق - الفنيدق", EN: "M'diq-Fnideq"}},
	{Code: "MA-TET", Region: "MA-01", Type: ProvinceType, HCP: "571", Names: Names{FR: "Tétouan", AR: "تطوان", EN: "Tetouan"}},
	{Code: "MA-FAH", Region: "MA-01", Type: ProvinceType, HCP: "227", Names: Names{FR: "Fahs-Anjra", AR: "الفحص - أنجرة", EN: "Fahs-Anjra"}},
	{Code: "MA-LAR", Region: "MA-01", Type: ProvinceType, HCP: "331", Names: Names{FR: "Larache", AR: "العرائش", EN: "Larache"}},
	{Code: "MA-HOC", Region: "MA-01", Type: ProvinceType, HCP: "051", Names: Names{FR: "Al Hoceïma", AR: "الحسيمة", EN: "Al Hoceima"}, Aliases: []string{"Al Hoceima", "Houceima", "Hoceima"}},
	{Code: "MA-CHE", Region: "MA-01", Type: ProvinceType, HCP: "151", Names: Names{FR: "Chefchaouen", AR: "شفشاون", EN: "Chefchaouen"}},
	{Code: "MA-OUZ", Region: "MA-01", Type: ProvinceType, HCP: "405", Names: Names{FR: "Ouezzane", AR: "وزان", EN: "Ouezzane"}},

	{Code: "MA-OUJ", Region: "MA-02", Type: Prefecture, HCP: "411", Names: Names{FR: "Oujda-Angad", AR: "وجدة - أنكاد", EN: "Oujda-Angad"}, Aliases: []string{"Oujda"}},
	{Code: "MA-NAD", Region: "MA-02", Type: ProvinceType, HCP: "381", Names: Names{FR: "Nador", AR: "الناظور", EN: "Nador"}},
	{Code: "MA-DRI", Region: "MA-02", Type: ProvinceType, HCP: "167", Names: Names{FR: "Driouch", AR: "الدريوش", EN: "Driouch"}},
	{Code: "MA-JRA", Region: "MA-02", Type: ProvinceType, HCP: "275", Names: Names{FR: "Jerada", AR: "جرادة", EN: "Jerada"}},
	{Code: "MA-BER", Region: "MA-02", Type: ProvinceType, HCP: "113", Names: Names{FR: "Berkane", AR: "بركان", EN: "Berkane"}},
	{Code: "MA-TAI", Region: "MA-02", Type: ProvinceType, HCP: "533", Names: Names{FR: "Taourirt", AR: "تاوريرت", EN: "Taourirt"}},
	{Code: "MA-GUF", Region: "MA-02", Type: ProvinceType, HCP: "265", Names: Names{FR: "Guercif", AR: "جرسيف", EN: "Guercif"}},
	{Code: "MA-FIG", Region: "MA-02", Type: ProvinceType, HCP: "251", Names: Names{FR: "Figuig", AR: "فجيج", EN: "Figuig"}},

	{Code: "MA-FES", Region: "MA-03", Type: Prefecture, HCP: "231", Names: Names{FR: "Fès", AR: "فاس", EN: "Fez"}, Aliases: []string{"Fes"}},
	{Code: "MA-MEK", Region: "MA-03", Type: Prefecture, HCP: "061", Names: Names{FR: "Meknès", AR: "مكناس", EN: "Meknes"}},
	{Code: "MA-HAJ", Region: "MA-03", Type: ProvinceType, HCP: "171", Names: Names{FR: "El Hajeb", AR: "الحاجب", EN: "El Hajeb"}, Aliases: []string{"Elhajeb"}},
	{Code: "MA-IFR", Region: "MA-03", Type: ProvinceType, HCP: "271", Names: Names{FR: "Ifrane", AR: "إفران", EN: "Ifrane"}},
	{Code: "MA-MOU", Region: "MA-03", Type: ProvinceType, HCP: "591", Names: Names{FR: "Moulay Yacoub", AR: "مولاي يعقوب", EN: "Moulay Yacoub"}, Aliases: []string{"Moulay Yaacoub"}},
	{Code: "MA-SEF", Region: "MA-03", Type: ProvinceType, HCP: "451", Names: Names{FR: "Sefrou", AR: "صفرو", EN: "Sefrou"}},
	{Code: "MA-BOM", Region: "MA-03", Type: ProvinceType, HCP: "131", Names: Names{FR: "Boulemane", AR: "بولمان", EN: "Boulemane"}},
	{Code: "MA-TAO", Region: "MA-03", Type: ProvinceType, HCP: "531", Names: Names{FR: "Taounate", AR: "تاونات", EN: "Taounate"}},
	{Code: "MA-TAZ", Region: "MA-03", Type: ProvinceType, HCP: "561", Names: Names{FR: "Taza", AR: "تازة", EN: "Taza"}},

	{Code: "MA-RAB", Region: "MA-04", Type: Prefecture, HCP: "421", Names: Names{FR: "Rabat", AR: "الرباط", EN: "Rabat"}},
	{Code: "MA-SAL", Region: "MA-04", Type: Prefecture, HCP: "441", Names: Names{FR: "Salé", AR: "سلا", EN: "Sale"}},
	{Code: "MA-SKH", Region: "MA-04", Type: Prefecture, HCP: "501", Names: Names{FR: "Skhirate-Témara", AR: "الصخيرات - تمارة", EN: "Skhirate-Temara"}, Aliases: []string{"Temara"}},
	{Code: "MA-KEN", Region: "MA-04", Type: ProvinceType, HCP: "281", Names: Names{FR: "Kénitra", AR: "القنيطرة", EN: "Kenitra"}},
	{Code: "MA-KHE", Region: "MA-04", Type: ProvinceType, HCP: "291", Names: Names{FR: "Khémisset", AR: "الخميسات", EN: "Khemisset"}},
	{Code: "MA-SIK", Region: "MA-04", Type: ProvinceType, HCP: "481", Names: Names{FR: "Sidi Kacem", AR: "سيدي قاسم", EN: "Sidi Kacem"}},
	{Code: "MA-SIL", Region: "MA-04", Type: ProvinceType, HCP: "491", Names: Names{FR: "Sidi Slimane", AR: "سيدي سليمان", EN: "Sidi Slimane"}},

	{Code: "MA-BEM", Region: "MA-05", Type: ProvinceType, HCP: "091", Names: Names{FR: "Béni Mellal", AR: "بني ملال", EN: "Beni Mellal"}},
	{Code: "MA-AZI", Region: "MA-05", Type: ProvinceType, HCP: "081", Names: Names{FR: "Azilal", AR: "أزيلال", EN: "Azilal"}},
	{Code: "MA-FQH", Region: "MA-05", Type: ProvinceType, HCP: "255", Names: Names{FR: "Fquih Ben Salah", AR: "الفقيه بن صالح", EN: "Fquih Ben Salah"}},
	{Code: "MA-KHN", Region: "MA-05", Type: ProvinceType, HCP: "301", Names: Names{FR: "Khénifra", AR: "خنيفرة", EN: "Khenifra"}},
	{Code: "MA-KHO", Region: "MA-05", Type: ProvinceType, HCP: "311", Names: Names{FR: "Khouribga", AR: "خريبكة", EN: "Khouribga"}},

	{Code: "MA-CAS", Region: "MA-06", Type: Prefecture, HCP: "141", Names: Names{FR: "Casablanca", AR: "الدار البيضاء", EN: "Casablanca"}, Aliases: []string{"Dar el Beida", "Casa"}},
	{Code: "MA-MOH", Region: "MA-06", Type: Prefecture, HCP: "371", Names: Names{FR: "Mohammedia", AR: "المحمدية", EN: "Mohammedia"}, Aliases: []string{"Mohammadia"}},
	{Code: "MA-JDI", Region: "MA-06", Type: ProvinceType, HCP: "181", Names: Names{FR: "El Jadida", AR: "الجديدة", EN: "El Jadida"}},
	{Code: "MA-NOU", Region: "MA-06", Type: ProvinceType, HCP: "385", Names: Names{FR: "Nouaceur", AR: "النواصر", EN: "Nouaceur"}},
	{Code: "MA-MED", Region: "MA-06", Type: ProvinceType, HCP: "355", Names: Names{FR: "Médiouna", AR: "مديونة", EN: "Mediouna"}},
	{Code: "MA-BES", Region: "MA-06", Type: ProvinceType, HCP: "111", HCPUnconfirmed: true, Names: Names{FR: "Benslimane", AR: "بنسليمان", EN: "Benslimane"}, Aliases: []string{"Ben Slimane"}},
	{Code: "MA-BRR", Region: "MA-06", Type: ProvinceType, HCP: "117", Names: Names{FR: "Berrechid", AR: "برشيد", EN: "Berrechid"}},
	{Code: "MA-SET", Region: "MA-06", Type: ProvinceType, HCP: "461", Names: Names{FR: "Settat", AR: "سطات", EN: "Settat"}},
	{Code: "MA-SIB", Region: "MA-06", Type: ProvinceType, HCP: "467", Names: Names{FR: "Sidi Bennour", AR: "سيدي بنور", EN: "Sidi Bennour"}},

	{Code: "MA-MAR", Region: "MA-07", Type: Prefecture, HCP: "351", Names: Names{FR: "Marrakech", AR: "مراكش", EN: "Marrakesh"}, Aliases: []string{"Marrakesh"}},
	{Code: "MA-CHI", Region: "MA-07", Type: ProvinceType, HCP: "161", Names: Names{FR: "Chichaoua", AR: "شيشاوة", EN: "Chichaoua"}},
	{Code: "MA-HAO", Region: "MA-07", Type: ProvinceType, HCP: "041", Names: Names{FR: "Al Haouz", AR: "الحوز", EN: "Al Haouz"}, Aliases: []string{"El Haouz"}},
	{Code: "MA-KES", Region: "MA-07", Type: ProvinceType, HCP: "191", Names: Names{FR: "El Kelâa des Sraghna", AR: "قلعة السراغنة", EN: "El Kelaa des Sraghna"}, Aliases: []string{"Kelaa des Sraghna", "Kelaat Sraghna"}},
	{Code: "MA-ESI", Region: "MA-07", Type: ProvinceType, HCP: "211", Names: Names{FR: "Essaouira", AR: "الصويرة", EN: "Essaouira"}},
	{Code: "MA-REH", Region: "MA-07", Type: ProvinceType, HCP: "427", Names: Names{FR: "Rehamna", AR: "الرحامنة", EN: "Rehamna"}},
	{Code: "MA-SAF", Region: "MA-07", Type: ProvinceType, HCP: "431", Names: Names{FR: "Safi", AR: "آسفي", EN: "Safi"}},
	{Code: "MA-YUS", Region: "MA-07", Type: ProvinceType, HCP: "585", Names: Names{FR: "Youssoufia", AR: "اليوسفية", EN: "Youssoufia"}},

	{Code: "MA-ERR", Region: "MA-08", Type: ProvinceType, HCP: "201", Names: Names{FR: "Errachidia", AR: "الرشيدية", EN: "Errachidia"}, Aliases: []string{"Er-Rachidia"}},
	{Code: "MA-OUA", Region: "MA-08", Type: ProvinceType, HCP: "401", Names: Names{FR: "Ouarzazate", AR: "ورزازات", EN: "Ouarzazate"}},
	{Code: "MA-MID", Region: "MA-08", Type: ProvinceType, HCP: "363", Names: Names{FR: "Midelt", AR: "ميدلت", EN: "Midelt"}},
	{Code: "MA-TIN", Region: "MA-08", Type: ProvinceType, HCP: "577", Names: Names{FR: "Tinghir", AR: "تنغير", EN: "Tinghir"}, Aliases: []string{"Tinerhir"}},
	{Code: "MA-ZAG", Region: "MA-08", Type: ProvinceType, HCP: "587", Names: Names{FR: "Zagora", AR: "زاكورة", EN: "Zagora"}},

	{Code: "MA-AGD", Region: "MA-09", Type: Prefecture, HCP: "001", Names: Names{FR: "Agadir Ida-Outanane", AR: "أكادير إداوتنان", EN: "Agadir Ida-Outanane"}, Aliases: []string{"Agadir-Ida-Ou-Tanane", "Agadir"}},
	{Code: "MA-INE", Region: "MA-09", Type: Prefecture, HCP: "", Names: Names{FR: "Inezgane-Aït Melloul", AR: "إنزكان - آيت ملول", EN: "Inezgane-Ait Melloul"}},
	{Code: "MA-CHT", Region: "MA-09", Type: ProvinceType, HCP: "163", Names: Names{FR: "Chtouka-Aït Baha", AR: "اشتوكة - آيت باها", EN: "Chtouka-Ait Baha"}},
	{Code: "MA-TAR", Region: "MA-09", Type: ProvinceType, HCP: "541", Names: Names{FR: "Taroudant", AR: "تارودانت", EN: "Taroudant"}, Aliases: []string{"Taroudannt"}},
	{Code: "MA-TIZ", Region: "MA-09", Type: ProvinceType, HCP: "581", Names: Names{FR: "Tiznit", AR: "تيزنيت", EN: "Tiznit"}},
	{Code: "MA-TAT", Region: "MA-09", Type: ProvinceType, HCP: "551", Names: Names{FR: "Tata", AR: "طاطا", EN: "Tata"}},

	{Code: "MA-GUE", Region: "MA-10", Type: ProvinceType, HCP: "261", Names: Names{FR: "Guelmim", AR: "كلميم", EN: "Guelmim"}},
	{Code: "MA-ASZ", Region: "MA-10", Type: ProvinceType, HCP: "071", Names: Names{FR: "Assa-Zag", AR: "أسا - الزاك", EN: "Assa-Zag"}},
	{Code: "MA-TNT", Region: "MA-10", Type: ProvinceType, HCP: "521", Names: Names{FR: "Tan-Tan", AR: "طانطان", EN: "Tan-Tan"}},
	{Code: "MA-SIF", Region: "MA-10", Type: ProvinceType, HCP: "473", Names: Names{FR: "Sidi Ifni", AR: "سيدي إفني", EN: "Sidi Ifni"}},

	{Code: "MA-LAA", Region: "MA-11", Type: ProvinceType, HCP: "321", Names: Names{FR: "Laâyoune", AR: "العيون", EN: "Laayoune"}},
	{Code: "MA-BOD", Region: "MA-11", Type: ProvinceType, HCP: "121", Names: Names{FR: "Boujdour", AR: "بوجدور", EN: "Boujdour"}},
	{Code: "MA-TAF", Region: "MA-11", Type: ProvinceType, HCP: "537", Names: Names{FR: "Tarfaya", AR: "طرفاية", EN: "Tarfaya"}},
	{Code: "MA-ESM", Region: "MA-11", Type: ProvinceType, HCP: "221", Names: Names{FR: "Es-Semara", AR: "السمارة", EN: "Es-Semara"}, Aliases: []string{"Smara", "Es Smara"}},

	{Code: "MA-OUD", Region: "MA-12", Type: ProvinceType, HCP: "391", Names: Names{FR: "Oued Ed-Dahab", AR: "وادي الذهب", EN: "Oued Ed-Dahab"}, Aliases: []string{"Oued Eddahab", "Dakhla"}},
	{Code: "MA-AOU", Region: "MA-12", Type: ProvinceType, HCP: "066", Names: Names{FR: "Aousserd", AR: "أوسرد", EN: "Aousserd"}},
}

// ODCO regional delegations and the provinces each serves, from the
// delegations' pages on odco.gov.ma and the press. The delegations marked Attested
// have a page on odco.gov.ma or are named in the press with their coverage;
// the others are named after their region and stand for "the delegation that
// serves this region", because no official list was found.
var delegationTable = []Delegation{
	{ID: "casablanca", Attested: true, Names: Names{FR: "Délégation de Casablanca", AR: "مندوبية الدار البيضاء", EN: "Casablanca delegation"},
		Provinces: []ProvinceCode{"MA-CAS", "MA-MOH", "MA-NOU", "MA-MED"}},
	{ID: "meknes", Attested: true, Names: Names{FR: "Délégation de Meknès", AR: "مندوبية مكناس", EN: "Meknes delegation"},
		Provinces: []ProvinceCode{"MA-MEK", "MA-IFR", "MA-HAJ", "MA-KHN", "MA-MID", "MA-ERR"}},
	{ID: "fes", Attested: true, Names: Names{FR: "Délégation de Fès", AR: "مندوبية فاس", EN: "Fez delegation"},
		Provinces: []ProvinceCode{"MA-FES", "MA-SEF", "MA-BOM", "MA-MOU"}},
	{ID: "al-hoceima", Attested: true, Names: Names{FR: "Délégation d'Al Hoceïma", AR: "مندوبية الحسيمة", EN: "Al Hoceima delegation"},
		Provinces: []ProvinceCode{"MA-HOC", "MA-TAZ", "MA-TAO", "MA-GUF"}},
	{ID: "kenitra", Attested: true, Names: Names{FR: "Délégation de Kénitra", AR: "مندوبية القنيطرة", EN: "Kenitra delegation"},
		Provinces: []ProvinceCode{"MA-KEN", "MA-SIL", "MA-SIK"}},
	{ID: "safi", Attested: true, Names: Names{FR: "Délégation de Safi", AR: "مندوبية آسفي", EN: "Safi delegation"},
		Provinces: []ProvinceCode{"MA-SAF", "MA-JDI", "MA-SIB", "MA-YUS"}},
	{ID: "marrakech", Attested: true, Names: Names{FR: "Délégation de Marrakech", AR: "مندوبية مراكش", EN: "Marrakesh delegation"},
		Provinces: []ProvinceCode{"MA-MAR", "MA-ESI", "MA-KES", "MA-REH", "MA-HAO", "MA-CHI"}},
	{ID: "agadir", Attested: true, Names: Names{FR: "Délégation d'Agadir", AR: "مندوبية أكادير", EN: "Agadir delegation"},
		Provinces: []ProvinceCode{"MA-AGD", "MA-INE", "MA-CHT", "MA-TAR", "MA-TIZ", "MA-TAT"}},
	{ID: "oujda", Attested: true, Names: Names{FR: "Délégation d'Oujda", AR: "مندوبية وجدة", EN: "Oujda delegation"},
		Provinces: []ProvinceCode{"MA-OUJ", "MA-NAD", "MA-DRI", "MA-JRA", "MA-BER", "MA-TAI", "MA-FIG"}},
	{ID: "laayoune", Attested: true, Names: Names{FR: "Délégation de Laâyoune", AR: "مندوبية العيون", EN: "Laayoune delegation"},
		Provinces: []ProvinceCode{"MA-LAA", "MA-BOD", "MA-TAF", "MA-ESM"}},
	{ID: "guelmim", Attested: true, Names: Names{FR: "Délégation de Guelmim", AR: "مندوبية كلميم", EN: "Guelmim delegation"},
		Provinces: []ProvinceCode{"MA-GUE", "MA-ASZ", "MA-TNT", "MA-SIF"}},
	{ID: "beni-mellal", Attested: true, Names: Names{FR: "Délégation de Béni Mellal", AR: "مندوبية بني ملال", EN: "Beni Mellal delegation"},
		Provinces: []ProvinceCode{"MA-BEM", "MA-AZI", "MA-FQH", "MA-KHO"}},
	{ID: "tanger", Attested: true, Names: Names{FR: "Délégation de Tanger", AR: "مندوبية طنجة", EN: "Tangier delegation"},
		Provinces: []ProvinceCode{"MA-TNG", "MA-MDF", "MA-TET", "MA-FAH", "MA-LAR", "MA-CHE", "MA-OUZ"}},

	{ID: "region-rabat-sale-kenitra", Names: Names{FR: "Rabat-Salé-Kénitra (délégation régionale)", AR: "الرباط - سلا - القنيطرة (مندوبية جهوية)", EN: "Rabat-Sale-Kenitra (regional delegation)"},
		Provinces: []ProvinceCode{"MA-RAB", "MA-SAL", "MA-SKH", "MA-KHE"}},
	{ID: "region-casablanca-settat", Names: Names{FR: "Casablanca-Settat (délégation régionale)", AR: "الدار البيضاء - سطات (مندوبية جهوية)", EN: "Casablanca-Settat (regional delegation)"},
		Provinces: []ProvinceCode{"MA-BES", "MA-BRR", "MA-SET"}},
	{ID: "region-draa-tafilalet", Names: Names{FR: "Drâa-Tafilalet (délégation régionale)", AR: "درعة - تافيلالت (مندوبية جهوية)", EN: "Draa-Tafilalet (regional delegation)"},
		Provinces: []ProvinceCode{"MA-OUA", "MA-TIN", "MA-ZAG"}},
	{ID: "region-dakhla-oued-ed-dahab", Names: Names{FR: "Dakhla-Oued Ed-Dahab (délégation régionale)", AR: "الداخلة - وادي الذهب (مندوبية جهوية)", EN: "Dakhla-Oued Ed-Dahab (regional delegation)"},
		Provinces: []ProvinceCode{"MA-OUD", "MA-AOU"}},
}
