/**
 * Working-day calendar: China's official holidays and adjusted working days (调休), used for
 * every deadline stated in working days (R-APP-3 acceptance notice, suspension action, issue limits).
 */
package cn.cfp.calendar;
