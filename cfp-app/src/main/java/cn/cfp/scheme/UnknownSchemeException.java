package cn.cfp.scheme;

import java.util.Collection;
import java.util.List;

/** Thrown by {@link SchemeCatalog#get(String)} for a code no definition file declares. */
public class UnknownSchemeException extends RuntimeException {

    private final String code;
    private final List<String> known;

    public UnknownSchemeException(String code, Collection<String> known) {
        super("Unknown certification scheme '" + code + "'. Known schemes: " + String.join(", ", known)
                + ". A new scheme is a new file in classpath:schemes/ or in the directory set by cfp.schemes.dir.");
        this.code = code;
        this.known = List.copyOf(known);
    }

    public String code() {
        return code;
    }

    public List<String> known() {
        return known;
    }
}
