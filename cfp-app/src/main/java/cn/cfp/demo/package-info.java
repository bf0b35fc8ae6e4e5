/**
 * Demo data for the quick start: one body, staff in every role, two client companies; and demo cases made through
 * the modules' own services ({@link cn.cfp.demo.DemoWalk}): a few mid-way, one per scheme ready for technical review.
 */
package cn.cfp.demo;
