/** The part of jStat (no types of its own) that the experiment statistics use. */
declare module 'jstat' {
  interface StudentT {
    /** The quantile of Student's t with `dof` degrees of freedom at probability `p`. */
    inv(p: number, dof: number): number;
    /** The distribution function of Student's t with `dof` degrees of freedom at `x`. */
    cdf(x: number, dof: number): number;
  }
  const jstat: { readonly jStat: { readonly studentt: StudentT } };
  export default jstat;
}
