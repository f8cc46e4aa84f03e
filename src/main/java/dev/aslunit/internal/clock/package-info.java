/**
 * Virtual time: the scheduler that orders timers and wake-ups of an execution without a wall clock,
 * and the seeded random source for jitter. The only place time and randomness come from.
 */
package dev.aslunit.internal.clock;
