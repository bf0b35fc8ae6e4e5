/**
 * Certification planning (认证策划, R-PLAN): team composition against the scheme, the client's right to object,
 * man-days per site and activity, the inspection scheme (检查方案), the PCF verification plan, approval and sending
 * the plan to the client within the scheme's notice. Public API: {@link cn.cfp.planning.Plans},
 * {@link cn.cfp.planning.PlanView}, and the pure policies {@link cn.cfp.planning.TeamCompositionPolicy} and
 * {@link cn.cfp.planning.ManDayCalculator}.
 */
package cn.cfp.planning;
