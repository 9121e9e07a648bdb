package httpapi

import (
	"context"
	"net/http"

	"github.com/google/uuid"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// member is mutate for a route with a {member} path value.
func (c *call) member(do func(ctx context.Context, id, member uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error)) (reply, error) {
	m, err := c.pathID("member")
	if err != nil {
		return reply{}, err
	}
	return c.mutate(http.StatusOK, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return do(ctx, id, m, guards...)
	})
}

func hAdmit(c *call) (reply, error) {
	var in registry.Admission
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.mutate(http.StatusCreated, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.AdmitMember(ctx, id, in, guards...)
	})
}

func hSubscribe(c *call) (reply, error) {
	var in registry.Subscription
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.SubscribeShares(ctx, id, m, in, guards...)
	})
}

func hPay(c *call) (reply, error) {
	var in registry.Payment
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.PayShares(ctx, id, m, in, guards...)
	})
}

func hWithdraw(c *call) (reply, error) {
	var in registry.WithdrawalInput
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.RequestWithdrawal(ctx, id, m, in, guards...)
	})
}

func hAnswer(c *call) (reply, error) {
	var in registry.WithdrawalAnswer
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.AnswerWithdrawal(ctx, id, m, in, guards...)
	})
}

func hExclude(c *call) (reply, error) {
	var in registry.Exclusion
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.ExcludeMember(ctx, id, m, in, guards...)
	})
}

func hDeparture(c *call) (reply, error) {
	var in registry.Departure
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.RecordDeparture(ctx, id, m, in, guards...)
	})
}

type transferBody struct {
	From uuid.UUID `json:"from"`
	To   uuid.UUID `json:"to"`
	registry.Transfer
}

func hTransfer(c *call) (reply, error) {
	var in transferBody
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.mutate(http.StatusOK, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.TransferShares(ctx, id, in.From, in.To, in.Transfer, guards...)
	})
}
