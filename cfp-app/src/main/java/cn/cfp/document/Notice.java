package cn.cfp.document;

import java.time.LocalDate;
import java.util.List;

/**
 * A formal notice to a client (acceptance, refusal, supplement request, team, plan, termination), in one language
 * ({@code locale}, the language the reader asked for — issue 8 item 12): addressed to the client company
 * ({@code recipient}) and signed by the certification body ({@code issuer}). Rows print as a two-column table,
 * paragraphs in order.
 */
public record Notice(String title, java.util.Locale locale, String reference, String issuer, String recipient, LocalDate date,
                     List<String[]> rows, List<String> paragraphs) {

    public Notice {
        rows = List.copyOf(rows);
        paragraphs = List.copyOf(paragraphs);
    }
}
