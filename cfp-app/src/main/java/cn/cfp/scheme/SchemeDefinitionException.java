package cn.cfp.scheme;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scheme definition file is broken. Thrown at start-up, so the application does not start with a wrong scheme.
 * The message lists every problem as {@code <file>: field '<path>': <reason>}.
 */
public class SchemeDefinitionException extends RuntimeException {

    /** One problem: the file, the dotted field path inside it ({@code ""} for the whole file) and the reason. */
    public record Problem(String file, String field, String reason) {
        @Override
        public String toString() {
            return field == null || field.isEmpty() ? file + ": " + reason : file + ": field '" + field + "': " + reason;
        }
    }

    private final List<Problem> problems;

    public SchemeDefinitionException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public SchemeDefinitionException(String file, String field, String reason) {
        this(List.of(new Problem(file, field, reason)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        String head = problems.size() == 1 ? "Invalid scheme definition: "
                : problems.size() + " problems in scheme definitions:\n  ";
        return head + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
    }
}
