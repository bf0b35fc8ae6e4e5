package cn.cfp.calc.gwp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The GWP sets shipped in {@code gwp100.csv}: AR6 (default) and AR5 (R-CALC-3). */
public final class GwpSets {

    static final String RESOURCE = "/cn/cfp/calc/gwp/gwp100.csv";
    private static final GwpSet AR6;
    private static final GwpSet AR5;

    static {
        Map<String, Double> ar6 = new LinkedHashMap<>();
        Map<String, Double> ar5 = new LinkedHashMap<>();
        Map<String, String> alias = new HashMap<>();
        try (InputStream in = GwpSets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("GWP table " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(";", -1);
                String id = f[0].trim();
                ar6.put(id, Double.parseDouble(f[2].trim()));
                ar5.put(id, Double.parseDouble(f[3].trim()));
                alias.put(id.toLowerCase(Locale.ROOT), id);
                for (String a : f[1].split("\\|")) {
                    if (!a.isBlank()) {
                        alias.put(a.trim().toLowerCase(Locale.ROOT), id);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AR6 = new GwpSet("AR6", "IPCC AR6 WG1 (2021) Ch.7 Table 7.SM.7, GWP-100", ar6, alias);
        AR5 = new GwpSet("AR5", "IPCC AR5 WG1 (2013) Ch.8 Table 8.A.1, GWP-100 without climate-carbon feedback", ar5, alias);
    }

    private GwpSets() {
    }

    public static GwpSet ar6() {
        return AR6;
    }

    public static GwpSet ar5() {
        return AR5;
    }

    /** The default set (AR6), R-CALC-3. */
    public static GwpSet defaultSet() {
        return AR6;
    }

    public static GwpSet of(String name) {
        if (name == null || name.isBlank()) {
            return AR6;
        }
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "AR6" -> AR6;
            case "AR5" -> AR5;
            default -> throw new IllegalArgumentException("unknown GWP set '" + name + "'; use AR6 (default) or AR5");
        };
    }
}
