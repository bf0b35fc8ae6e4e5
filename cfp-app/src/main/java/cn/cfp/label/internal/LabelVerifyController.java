package cn.cfp.label.internal;

import cn.cfp.label.LabelCheck;
import cn.cfp.label.LabelChecks;
import cn.cfp.label.CertificateStatusLookup;
import cn.cfp.shared.Reason;
import cn.cfp.shared.ReasonTexts;
import cn.cfp.shared.Refusal;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public label check [R-X-4]: a page where anyone uploads a photo of a label (PNG or JPEG, ≤ 5 MB) or pastes its
 * payload, and the same as JSON. Says in words whether the label is genuine, what it states, and — when the registry
 * answers — whether the certificate is still valid.
 */
@Controller
class LabelVerifyController {

    private final LabelChecks checks;
    private final ReasonTexts texts;
    private final MessageSource messages;

    LabelVerifyController(LabelChecks checks, MessageSource messages) {
        this.checks = checks;
        this.messages = messages;
        this.texts = ReasonTexts.of(messages);
    }

    @GetMapping("/verify-label")
    String page(@RequestParam(required = false) String payload, Model model) {
        model.addAttribute("payload", payload == null ? "" : payload);
        if (payload != null && !payload.isBlank()) {
            try {
                LabelCheck check = checks.check(payload);
                model.addAttribute("check", check);
                model.addAttribute("summaryKey", summaryKey(check));
                model.addAttribute("reasonText", check.reason() == null ? null : texts.text(check.reason(), LocaleContextHolder.getLocale()));
            } catch (Refusal r) {
                model.addAttribute("unreadable", texts.texts(r.reasons(), LocaleContextHolder.getLocale()));
            }
        }
        return "label/verify";
    }

    /** Reads the QR code of the uploaded picture and shows the check of its payload (303 to the page with it). */
    @PostMapping("/verify-label")
    RedirectView upload(@RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) String lang) {
        if (photo == null || photo.isEmpty()) {
            throw Refusal.badRequest(List.of(Reason.of("label.photo.missing").at("photo")));
        }
        if (photo.getSize() > QrImages.MAX_BYTES) {
            throw Refusal.badRequest(List.of(Reason.of("label.photo.tooLarge", photo.getSize() / 1024, QrImages.MAX_BYTES / 1024 / 1024).at("photo")));
        }
        byte[] bytes;
        try {
            bytes = photo.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (QrImages.kind(bytes).isEmpty()) {
            throw Refusal.badRequest(List.of(Reason.of("label.photo.type").at("photo")));
        }
        BufferedImage img = QrImages.read(bytes).orElseThrow(() -> Refusal.badRequest(List.of(Reason.of("label.photo.unreadable").at("photo"))));
        String payload = QrImages.decode(img).orElseThrow(() -> Refusal.badRequest(List.of(Reason.of("label.photo.noQr").at("photo"))));
        RedirectView view = new RedirectView("/verify-label?payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)
                + (lang == null || lang.isBlank() ? "" : "&lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8)), true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        return view;
    }

    /** The check as JSON; 400 with reason codes when the payload cannot be read. */
    @GetMapping("/api/public/labels/verify")
    @ResponseBody
    Map<String, Object> api(@RequestParam(required = false) String payload) {
        LabelCheck c = checks.check(payload);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("genuine", c.genuine());
        out.put("reason", c.reason() == null ? null : Map.of("code", c.reason().code(), "message", texts.text(c.reason(), locale)));
        out.put("number", c.payload().number());
        out.put("value", c.payload().value());
        out.put("unit", c.payload().unit());
        out.put("validUntil", c.payload().validUntil().toString());
        out.put("expired", c.expired());
        out.put("keyId", c.payload().keyId());
        out.put("url", c.payload().url());
        out.put("online", c.online().name());
        Optional<CertificateStatusLookup.Status> s = c.status();
        out.put("status", s.map(st -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", st.code());
            m.put("valid", st.valid());
            m.put("validUntil", st.validUntil() == null ? null : st.validUntil().toString());
            m.put("text", messages.getMessage("label.status." + st.code(), null, st.code(), locale));
            return m;
        }).orElse(null));
        out.put("currentlyValid", c.currentlyValid());
        out.put("summary", messages.getMessage(summaryKey(c), new Object[]{c.payload().number()}, locale));
        return out;
    }

    /** The one-line verdict's message key. */
    static String summaryKey(LabelCheck c) {
        if (!c.genuine()) {
            return "label.verify.notGenuine";
        }
        return switch (c.online()) {
            case FOUND -> c.currentlyValid() ? "label.verify.genuineValid" : "label.verify.genuineNotValid";
            case NOT_FOUND -> "label.verify.genuineNotInRegistry";
            default -> c.expired() ? "label.verify.genuineExpired" : "label.verify.genuineOffline";
        };
    }

}
