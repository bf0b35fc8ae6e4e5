/**
 * The certification case: one aggregate per accepted application that carries the certification from acceptance to
 * its conclusion (certified, not certified, terminated). It knows its scheme's route of canonical stages, who holds
 * which role on it, the client-caused pauses and agreed extensions, and derives its 90-day clock and what it waits for
 * from its history. Phase modules (planning, document review, and the back half) guard their actions with the case's
 * stage and advance it in the same transaction; the case knows nothing of them.
 */
package cn.cfp.cases;
