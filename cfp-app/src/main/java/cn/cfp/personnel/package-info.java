/**
 * Personnel registry (R-PER): staff profiles (full-time or not, qualifications, fields of competence with the
 * 了解/掌握/熟练具备 levels and their evidence [003 ¶12], experience), confidentiality agreements and
 * conflict-of-interest declarations per client [R-PER-2], and the R-PER-4 staffing figure [000 §2.4].
 */
package cn.cfp.personnel;
