package cn.cfp.scheme.internal;

import cn.cfp.scheme.CertificateContent;
import cn.cfp.scheme.LocalizedText;
import cn.cfp.scheme.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads {@code certificateContent} (the certificate module's scheme parameter, issue 10). */
final class CertificateContentParser {

    private CertificateContentParser() {
    }

    static CertificateContent parse(Node n) {
        var f = n.fields("title", "conformity", "basis", "additions", "checkedFields", "preparerMayNotDecide", "productCodeRequired");
        List<CertificateContent.Addition> additions = new ArrayList<>();
        if (!f.opt("additions").isNull()) {
            for (Node a : f.opt("additions").list()) {
                String key = a.string();
                try {
                    additions.add(CertificateContent.Addition.valueOf(key.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw a.error("unknown addition '" + key + "'; known: " + List.of(CertificateContent.Addition.values()));
                }
            }
        }
        List<Step> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node c : f.req("checkedFields").nonEmptyList()) {
            var cf = c.fields("key", "zh", "en");
            Step s = new Step(cf.req("key").key(), new LocalizedText(cf.req("zh").string(), cf.opt("en").optString()));
            if (!seen.add(s.key())) {
                throw c.error("duplicate key " + s.key());
            }
            checked.add(s);
        }
        try {
            return new CertificateContent(f.req("title").text(), f.req("conformity").text(), f.req("basis").text(), additions,
                    checked, f.opt("preparerMayNotDecide").boolOr(false), f.opt("productCodeRequired").boolOr(false));
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }
}
