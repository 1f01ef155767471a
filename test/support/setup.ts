import fc from 'fast-check';

// Property tests run the same cases on every machine and every run: a failure in CI
// can be replayed exactly. Change the seed locally to explore new cases.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });
