/** Parties: the certification body and client organisations (applicant, manufacturer, factory). */
package cn.cfp.party;
