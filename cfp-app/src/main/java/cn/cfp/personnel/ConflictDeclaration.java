package cn.cfp.personnel;

import java.time.LocalDate;

/**
 * A person's declaration about one client organisation [R-PER-2]. A declared conflict means the person can never be
 * assigned to that client's work.
 */
public record ConflictDeclaration(long clientOrgId, boolean conflicted, String note, LocalDate declaredOn) {
}
