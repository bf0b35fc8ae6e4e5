/**
 * Certification applications (认证委托) from the client's form to acceptance, certification units,
 * the 90-day clock and document review (R-PTY-2, R-APP, R-UNIT, R-PLAN-5, R-DOC).
 */
package cn.cfp.application;
