package httpapi

import (
	"reflect"
	"slices"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
)

// enumValues lists the values of each closed set the API speaks, by the Go
// type that carries them: the OpenAPI document declares each as a named
// schema with its enum, so that a generated client gets a named type.
// TestEnums checks every value against the type's own Valid method.
func enumValues() map[reflect.Type][]string {
	applicantKinds := make([]string, len(programs.ApplicantKinds))
	for i, k := range programs.ApplicantKinds {
		applicantKinds[i] = string(k)
	}
	str := func(vs ...any) []string {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = reflect.ValueOf(v).String()
		}
		return out
	}
	var regions, provinces, delegations, sectors []string
	for _, r := range coop.Regions() {
		regions = append(regions, string(r.Code))
	}
	for _, p := range coop.Provinces() {
		provinces = append(provinces, string(p.Code))
	}
	for _, d := range coop.Delegations() {
		delegations = append(delegations, string(d.ID))
	}
	for _, s := range coop.Sectors() {
		sectors = append(sectors, string(s.Sector))
	}
	var changes []string
	for _, k := range registry.ChangeKinds() {
		changes = append(changes, string(k))
	}
	var langs []string
	for _, l := range coop.Langs {
		langs = append(langs, string(l))
	}
	return map[reflect.Type][]string{
		reflect.TypeFor[coop.Kind]():               str(coop.KindCooperative, coop.KindUnion),
		reflect.TypeFor[coop.Status]():             str(coop.Active, coop.Dissolved, coop.InLiquidation, coop.StruckOff),
		reflect.TypeFor[coop.Law]():                str(coop.Law11212, coop.Law2483),
		reflect.TypeFor[coop.MemberType]():         str(coop.Natural, coop.Legal, coop.MemberCooperative),
		reflect.TypeFor[coop.Gender]():             str(coop.Female, coop.Male),
		reflect.TypeFor[coop.ExitReason]():         str(coop.Withdrawal, coop.Exclusion, coop.Death, coop.Incapacity, coop.TransferredOut),
		reflect.TypeFor[coop.MovementKind]():       str(coop.Subscription, coop.Payment, coop.TransferIn, coop.TransferOut, coop.Refund),
		reflect.TypeFor[coop.AssemblyKind]():       str(coop.Ordinary, coop.Extraordinary),
		reflect.TypeFor[coop.Compliance]():         str(coop.Compliant, coop.NonCompliant, coop.Undetermined),
		reflect.TypeFor[coop.Outcome]():            str(coop.Pass, coop.Fail, coop.Unknown),
		reflect.TypeFor[coop.ProvinceKind]():       str(coop.Prefecture, coop.ProvinceType),
		reflect.TypeFor[coop.Lang]():               langs,
		reflect.TypeFor[coop.SupportKind]():        str(coop.Training, coop.Awareness, coop.InformationDay, coop.CoachingVisit, coop.Diagnosis, coop.Fair, coop.FinancialSupport, coop.VolunteerPlacement, coop.Prize),
		reflect.TypeFor[coop.LabelKind]():          str(coop.ONSSAAuthorisation, coop.ONSSAApproval, coop.NationalCraftLabel, coop.CollectiveLabel, coop.TerritorialBrand, coop.OrganicCertification, coop.OriginCertification),
		reflect.TypeFor[coop.GroupingKind]():       str(coop.UnionGrouping, coop.FederationGrouping, coop.EIGGrouping),
		reflect.TypeFor[coop.RegionCode]():         regions,
		reflect.TypeFor[coop.ProvinceCode]():       provinces,
		reflect.TypeFor[coop.DelegationID]():       delegations,
		reflect.TypeFor[coop.Sector]():             sectors,
		reflect.TypeFor[registry.EntryKind]():      str(registry.EntryRegistration, registry.EntryModification, registry.EntryRemoval),
		reflect.TypeFor[registry.ApprovalStatus](): str(registry.ApprovalApproved, registry.ApprovalUsed, registry.ApprovalExpired, registry.ApprovalRefused),
		reflect.TypeFor[registry.ChangeKind]():     changes,
		reflect.TypeFor[programs.Outcome]():        str(programs.Eligible, programs.Ineligible, programs.Undetermined),
		reflect.TypeFor[programs.ApplicantKind]():  applicantKinds,
		reflect.TypeFor[programs.Zone]():           str(programs.Urban, programs.Rural),
		reflect.TypeFor[programs.ValueKind]():      str(programs.IntValue, programs.AmountValue, programs.RatioValue, programs.RegionsValue, programs.ProvincesValue, programs.SectorsValue, programs.BranchesValue, programs.DateValue),
		reflect.TypeFor[stats.Dimension]():         str(stats.Region, stats.Province, stats.Delegation, stats.Sector, stats.Kind, stats.Status, stats.Year),
	}
}

// problemCodes are the codes a Problem carries: the library's and the
// adapter's own.
func problemCodes() []string {
	codes := []string{string(coop.Invalid), string(coop.NotFound), string(coop.Conflict), string(coop.FailedPrecondition),
		string(coop.Internal), string(coop.Forbidden), string(coop.Unavailable), codeUnauthenticated, codeMethodNotAllowed,
		codeTooLarge, codeUnsupportedMedia, codePreconditionFailed, codeIdempotency, codeKeyInUse, codeTimeout, codeBusy}
	slices.Sort(codes)
	return codes
}
