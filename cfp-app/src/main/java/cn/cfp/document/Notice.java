package cn.cfp.document;

import java.time.LocalDate;
import java.util.List;

/**
 * A formal notice to a client (acceptance, refusal, supplement request, team, plan, termination).
 * Sections are printed in order as "heading: text" blocks; rows as a two-column table.
 */
public record Notice(String title, String titleEn, String reference, String issuer, String recipient, LocalDate date,
                     List<String[]> rows, List<String> paragraphs) {

    public Notice {
        rows = List.copyOf(rows);
        paragraphs = List.copyOf(paragraphs);
    }
}
