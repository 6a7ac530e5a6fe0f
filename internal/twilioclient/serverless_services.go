package twilioclient

import (
	"context"
	"fmt"
	"time"

	serverlessv1 "github.com/twilio/twilio-go/rest/serverless/v1"
)

// Serverless v1 (serverless.twilio.com) acts on the authenticated account only, like Studio: every call
// here goes through ForAccount, so a parent's auth token manages a subaccount's services with the
// subaccount's own credentials.

// Service is a Serverless service.
type Service = serverlessv1.ServerlessV1Service

// CreateServiceParams are the fields of a new service.
type CreateServiceParams = serverlessv1.CreateServiceParams

// UpdateServiceParams change a service (its unique name never changes).
type UpdateServiceParams = serverlessv1.UpdateServiceParams

// Environment is a Serverless environment.
type Environment = serverlessv1.ServerlessV1Environment

// CreateEnvironmentParams are the fields of a new environment (environments have no update).
type CreateEnvironmentParams = serverlessv1.CreateEnvironmentParams

// Variable is an environment variable.
type Variable = serverlessv1.ServerlessV1Variable

// CreateVariableParams are the fields of a new variable.
type CreateVariableParams = serverlessv1.CreateVariableParams

// UpdateVariableParams change a variable.
type UpdateVariableParams = serverlessv1.UpdateVariableParams

func (c *Client) serverless(ctx context.Context) *serverlessv1.ApiService {
	return serverlessv1.NewApiService(c.base(ctx))
}

// InAccount returns the client acting as accountSID ("" is the provider's own account) for Serverless calls.
// A failure to obtain the subaccount's credentials means nothing was sent, so a create may be retried.
func (c *Client) InAccount(ctx context.Context, accountSID, doing string) (*Client, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, notSent(fmt.Errorf("obtaining the credentials of account %s to %s: %w", accountSID, doing, err))
	}
	return sub, nil
}

// CreateService creates a Serverless service in accountSID.
func (c *Client) CreateService(ctx context.Context, accountSID string, params *CreateServiceParams) (*Service, error) {
	return createAs(ctx, c, accountSID, "create the Serverless service", func(sub *Client) (*Service, error) {
		return sub.serverless(ctx).CreateService(params)
	})
}

// FindService fetches a service by SID (or unique name); ErrNotFound when it is gone.
func (c *Client) FindService(ctx context.Context, accountSID, sid string) (*Service, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*Service, error) {
		return sub.serverless(ctx).FetchService(sid)
	})
}

// UpdateService changes a service.
func (c *Client) UpdateService(ctx context.Context, accountSID, sid string, params *UpdateServiceParams) (*Service, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*Service, error) {
		return sub.serverless(ctx).UpdateService(sid, params)
	})
}

// DeleteService deletes a service and everything in it (environments, variables, functions, builds).
func (c *Client) DeleteService(ctx context.Context, accountSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error { return sub.serverless(ctx).DeleteService(sid) })
}

// CreateEnvironment creates an environment in a service.
func (c *Client) CreateEnvironment(ctx context.Context, accountSID, serviceSID string, params *CreateEnvironmentParams) (*Environment, error) {
	return createAs(ctx, c, accountSID, "create the Serverless environment", func(sub *Client) (*Environment, error) {
		return sub.serverless(ctx).CreateEnvironment(serviceSID, params)
	})
}

// FindEnvironment fetches an environment; ErrNotFound when it (or its service) is gone.
func (c *Client) FindEnvironment(ctx context.Context, accountSID, serviceSID, sid string) (*Environment, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*Environment, error) {
		return sub.serverless(ctx).FetchEnvironment(serviceSID, sid)
	})
}

// DeleteEnvironment deletes an environment and its variables and deployments.
func (c *Client) DeleteEnvironment(ctx context.Context, accountSID, serviceSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error { return sub.serverless(ctx).DeleteEnvironment(serviceSID, sid) })
}

// CreateVariable creates a variable in an environment.
func (c *Client) CreateVariable(ctx context.Context, accountSID, serviceSID, envSID string, params *CreateVariableParams) (*Variable, error) {
	return createAs(ctx, c, accountSID, "create the Serverless variable", func(sub *Client) (*Variable, error) {
		return sub.serverless(ctx).CreateVariable(serviceSID, envSID, params)
	})
}

// FindVariable fetches a variable; ErrNotFound when it (or its environment or service) is gone.
func (c *Client) FindVariable(ctx context.Context, accountSID, serviceSID, envSID, sid string) (*Variable, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*Variable, error) {
		return sub.serverless(ctx).FetchVariable(serviceSID, envSID, sid)
	})
}

// UpdateVariable changes a variable's key or value.
func (c *Client) UpdateVariable(ctx context.Context, accountSID, serviceSID, envSID, sid string, params *UpdateVariableParams) (*Variable, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*Variable, error) {
		return sub.serverless(ctx).UpdateVariable(serviceSID, envSID, sid, params)
	})
}

// DeleteVariable deletes a variable.
func (c *Client) DeleteVariable(ctx context.Context, accountSID, serviceSID, envSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error { return sub.serverless(ctx).DeleteVariable(serviceSID, envSID, sid) })
}

// The lookups after a lost create answer: what a create may have made, by the unique value it sent, created
// since the request (allowing for clock skew). Unique names and keys cannot repeat, so each finds at most one.

// ListServices lists every service of an account, 1000 per page, with the account's own credentials.
func (c *Client) ListServices(ctx context.Context, accountSID string) ([]Service, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]Service, error) {
		return sub.serverless(ctx).ListService(paged[serverlessv1.ListServiceParams]())
	})
}

// FindServicesCreatedSince lists the services named uniqueName created in accountSID since the given time.
func (c *Client) FindServicesCreatedSince(ctx context.Context, accountSID, uniqueName string, since time.Time) ([]Service, error) {
	all, err := c.ListServices(ctx, accountSID)
	return matching(all, err, func(s Service) bool {
		return deref(s.UniqueName) == uniqueName && CreatedAfter(s.DateCreated, since)
	})
}

// FindEnvironmentsCreatedSince lists the environments named uniqueName created in a service since the given time.
func (c *Client) FindEnvironmentsCreatedSince(ctx context.Context, accountSID, serviceSID, uniqueName string, since time.Time) ([]Environment, error) {
	all, err := asAccount(ctx, c, accountSID, func(sub *Client) ([]Environment, error) {
		return sub.serverless(ctx).ListEnvironment(serviceSID, paged[serverlessv1.ListEnvironmentParams]())
	})
	return matching(all, err, func(e Environment) bool {
		return deref(e.UniqueName) == uniqueName && CreatedAfter(e.DateCreated, since)
	})
}

// FindVariablesCreatedSince lists the variables with key created in an environment since the given time.
func (c *Client) FindVariablesCreatedSince(ctx context.Context, accountSID, serviceSID, envSID, key string, since time.Time) ([]Variable, error) {
	all, err := asAccount(ctx, c, accountSID, func(sub *Client) ([]Variable, error) {
		return sub.serverless(ctx).ListVariable(serviceSID, envSID, paged[serverlessv1.ListVariableParams]())
	})
	return matching(all, err, func(v Variable) bool {
		return deref(v.Key) == key && CreatedAfter(v.DateCreated, since)
	})
}
