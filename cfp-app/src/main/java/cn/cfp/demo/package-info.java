/** Demo data for the quick start: one body, staff in every role, two client companies. */
package cn.cfp.demo;
