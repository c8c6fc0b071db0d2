// Each class starts its own silo (and some a browser or Prometheus): one class at a time keeps the
// 2-core machines responsive instead of starting them all at once.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
