/**
 * Technical review (技术评审/复核) and the certification decision (认证决定) [R-REV-1, R-REV-2]. Public API: see the
 * module's services; events: {@link cn.cfp.review.ReviewEvents}.
 */
package cn.cfp.review;
