package memory_test

import (
	"testing"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/registry/registrytest"
)

func TestConformance(t *testing.T) {
	registrytest.Run(t, func(*testing.T) registry.Store { return memory.New() })
}
