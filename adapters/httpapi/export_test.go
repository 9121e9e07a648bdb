package httpapi

import "github.com/taawun/taawun/coop"

// LocalizeProblem returns a problem of the given status and code as the
// adapter writes it in lang.
func LocalizeProblem(status int, code string, lang coop.Lang) Problem {
	p := Problem{Status: status, Code: code}
	localize(&p, lang)
	return p
}

// ProblemCodes lists the codes a problem carries.
var ProblemCodes = problemCodes
