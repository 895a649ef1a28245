/**
 * Popularity-damped association strength of a -> b from co-occurrence `co`, masses `massA`,
 * `massB`:
 *
 *   co / (massA^(1 - alpha) * massB^alpha) * co / (co + shrinkage)
 *
 * alpha = 0 is the conditional probability P(b | a) (favours popular b), alpha = 0.5 is cosine,
 * alpha > 0.5 penalises popular b harder. The second factor shrinks pairs seen only a few
 * times towards 0, so one shared basket of two rare items does not look like a strong tie.
 */
export function dampedScore(co: number, massA: number, massB: number, alpha: number, shrinkage: number): number {
  if (co <= 0 || massA <= 0 || massB <= 0) return 0
  return (co / (Math.pow(massA, 1 - alpha) * Math.pow(massB, alpha))) * (co / (co + shrinkage))
}
