// Preloaded into the API under soak (with --expose-gc): SIGUSR2 runs a full garbage collection, so that memory
// is compared between two settled heaps rather than at two random points of the collector's sawtooth.
process.on('SIGUSR2', () => global.gc?.());
