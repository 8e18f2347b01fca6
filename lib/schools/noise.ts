// Calibrated noise for the figures a school sees: the two-sided geometric mechanism (the discrete
// form of the Laplace mechanism; Ghosh, Roughgarden and Sundararajan 2009), with randomness from the
// operating system's cryptographic source. A count whose value one family can change by at most 1,
// published as count + Z with P(Z = z) ∝ α^|z| and α = e^-ε, changes the probability of every possible
// published number by a factor of at most e^ε when that family is added or removed. Shown figures are
// never below 0: clamping is done after the noise (post-processing keeps the guarantee).
// npm has no maintained, typed differential-privacy library for Node.js that fits (the few packages
// are unmaintained or floating-point Laplace, which leaks through its low bits), so this is ours.
import { randomBytes } from "node:crypto";

/** A uniform number in (0, 1], from 53 random bits of the cryptographic source. */
export function cryptoUniform(): number {
  const bits = randomBytes(8).readBigUInt64BE() >> 11n; // 53 bits
  return (Number(bits) + 1) / 2 ** 53;
}

/**
 * One draw of the two-sided geometric noise for privacy loss `epsilon`: the difference of two
 * geometric variables (failures before a success, success probability 1 - e^-ε).
 */
export function geometricNoise(epsilon: number, uniform: () => number = cryptoUniform): number {
  if (!(epsilon > 0)) throw new Error(`epsilon must be above 0, not ${epsilon}`);
  const logAlpha = -epsilon; // ln α
  const geometric = () => Math.floor(Math.log(uniform()) / logAlpha);
  return geometric() - geometric();
}

/** `count` as published: with fresh noise for `epsilon`, never below 0. */
export function noisyCount(count: number, epsilon: number, uniform: () => number = cryptoUniform): number {
  if (!Number.isInteger(count) || count < 0) throw new Error(`a count must be a whole number, not ${count}`);
  return Math.max(0, count + geometricNoise(epsilon, uniform));
}

/**
 * The exact probability that noisyCount(count, epsilon) publishes `shown`: for the tests that check
 * the guarantee, and for README's "within N of the true count 9 times in 10".
 */
export function publishedProbability(shown: number, count: number, epsilon: number): number {
  const alpha = Math.exp(-epsilon);
  if (shown < 0) return 0;
  // Everything at or below -count is shown as 0: P(Z <= -count) = α^count / (1 + α).
  if (shown === 0) return alpha ** count / (1 + alpha);
  return ((1 - alpha) / (1 + alpha)) * alpha ** Math.abs(shown - count);
}

/** The smallest k with P(|Z| <= k) >= `share`: "within k of the true count". */
export function noiseWithin(epsilon: number, share: number): number {
  const alpha = Math.exp(-epsilon);
  // P(|Z| > k) = 2 α^(k+1) / (1 + α)
  let k = 0;
  while ((2 * alpha ** (k + 1)) / (1 + alpha) > 1 - share) k += 1;
  return k;
}
