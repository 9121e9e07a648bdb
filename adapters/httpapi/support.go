package httpapi

import (
	"context"
	"net/http"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
)

func hRecordSupport(c *call) (reply, error) {
	var in registry.SupportAction
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	rec, err := c.a.reg.RecordSupport(c.ctx, in, c.keyGuards(c.authorize())...)
	if err != nil {
		return reply{}, err
	}
	return c.result(http.StatusCreated, rec), nil
}

func hLabelsAt(c *call) (reply, error) {
	id, err := c.pathID("id")
	if err != nil {
		return reply{}, err
	}
	date, err := c.dateParam("date", false)
	if err != nil {
		return reply{}, err
	}
	co, err := c.a.reg.Get(c.ctx, id)
	if err != nil {
		return reply{}, err
	}
	out := co.LabelsAt(date)
	if out == nil {
		out = []coop.Label{}
	}
	return ok(out), nil
}

var (
	hSelect       = verb((*registry.Registry).Select)
	hAwardLabel   = verb((*registry.Registry).AwardLabel)
	hJoinGrouping = verb((*registry.Registry).JoinGrouping)
)

func labelChange(do func(r *registry.Registry, ctx context.Context, id, label uuid.UUID, in registry.LabelChange, guards ...registry.Guard) (coop.Cooperative, error)) func(*call) (reply, error) {
	return func(c *call) (reply, error) {
		label, err := c.pathID("label")
		if err != nil {
			return reply{}, err
		}
		var in registry.LabelChange
		if err := c.decode(&in); err != nil {
			return reply{}, err
		}
		return c.mutate(http.StatusOK, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
			return do(c.a.reg, ctx, id, label, in, guards...)
		})
	}
}

var (
	hSuspendLabel  = labelChange((*registry.Registry).SuspendLabel)
	hWithdrawLabel = labelChange((*registry.Registry).WithdrawLabel)
)

type endBody struct {
	On coop.Date `json:"on"`
}

func hLeaveGrouping(c *call) (reply, error) {
	g, err := c.pathID("grouping")
	if err != nil {
		return reply{}, err
	}
	var in endBody
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.mutate(http.StatusOK, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.LeaveGrouping(ctx, id, g, in.On, guards...)
	})
}

func hJoinUnion(c *call) (reply, error) {
	var in registry.UnionMembership
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.mutate(http.StatusOK, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.JoinUnion(ctx, id, in, guards...)
	})
}

func hExpiring(c *call) (reply, error) {
	from, err := c.dateParam("from", false)
	if err != nil {
		return reply{}, err
	}
	to, err := c.dateParam("to", true)
	if err != nil {
		return reply{}, err
	}
	var iterErr error
	out, err := stats.Expiring(c.a.reg.Cooperatives(c.ctx, &iterErr), from, to)
	if err != nil {
		return reply{}, err
	}
	if iterErr != nil {
		return reply{}, iterErr
	}
	return ok(out), nil
}

func hFollowUp(c *call) (reply, error) {
	asOf, err := c.dateParam("as_of", false)
	if err != nil {
		return reply{}, err
	}
	var iterErr error
	rep, err := c.a.cat.FollowUp(c.a.reg.Cooperatives(c.ctx, &iterErr), c.r.PathValue("program"), asOf)
	if err != nil {
		return reply{}, err
	}
	if iterErr != nil {
		return reply{}, iterErr
	}
	return ok(rep), nil
}

func hActivity(c *call) (reply, error) {
	from, err := c.dateParam("from", true)
	if err != nil {
		return reply{}, err
	}
	to, err := c.dateParam("to", true)
	if err != nil {
		return reply{}, err
	}
	q := c.r.URL.Query()
	var iterErr error
	a, err := stats.ActivityReport(c.a.reg.Cooperatives(c.ctx, &iterErr), stats.ActivityOptions{From: from, To: to,
		Delegation: coop.DelegationID(q.Get("delegation")), Program: q.Get("program")})
	if err != nil {
		return reply{}, err
	}
	if iterErr != nil {
		return reply{}, iterErr
	}
	return ok(a), nil
}

func hLabelCoverage(c *call) (reply, error) {
	var fs coop.Fields
	asOf, err := c.dateParam("as_of", false)
	fs.Merge("", err)
	decimals, err := c.intParam("decimals", 1, 0, 4)
	fs.Merge("", err)
	dims, err := c.dimensions()
	fs.Merge("", err)
	if err := fs.Err("httpapi.LabelCoverage", "invalid query"); err != nil {
		return reply{}, err
	}
	var iterErr error
	cov, err := stats.Labels(c.a.reg.Cooperatives(c.ctx, &iterErr), asOf, decimals, dims...)
	if err != nil {
		return reply{}, err
	}
	if iterErr != nil {
		return reply{}, iterErr
	}
	return ok(cov), nil
}
