// Each collection runs a whole system of seven processes and a browser; two at once would only halve the machine for
// both, so the collections take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
