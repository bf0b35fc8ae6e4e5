/**
 * The audit trail (R-REC-1): every state-changing action appends a record to an append-only,
 * hash-chained log; {@link cn.cfp.audit.AuditTrail#verify()} names the first broken record.
 */
package cn.cfp.audit;
