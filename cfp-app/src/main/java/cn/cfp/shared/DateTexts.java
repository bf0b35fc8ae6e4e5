package cn.cfp.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way pages and notices print dates and times (issue 8 item 12): moments in China's time zone (Asia/Shanghai,
 * whatever the server's zone), in the reader's language — {@code 2026-03-05 14:30} in Chinese, {@code 5 Mar 2026, 14:30}
 * in English. Templates call it as {@code ${@dates.date(x)}} and {@code ${@dates.time(x)}}; {@code null} prints as empty.
 */
@Component("dates")
public class DateTexts {

    public static final ZoneId CHINA = TimeConfig.CHINA;

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** The calendar day of a date or moment, in the current request's language. */
    public String date(Object value) {
        return date(value, LocaleContextHolder.getLocale());
    }

    /** Date and minute of a moment (a date alone prints as a date), in the current request's language. */
    public String time(Object value) {
        return time(value, LocaleContextHolder.getLocale());
    }

    public static String date(Object value, Locale locale) {
        TemporalAccessor t = inChina(value);
        return t == null ? "" : (english(locale) ? EN_DATE : ZH_DATE).format(t);
    }

    public static String time(Object value, Locale locale) {
        if (value instanceof LocalDate) {
            return date(value, locale);
        }
        TemporalAccessor t = inChina(value);
        return t == null ? "" : (english(locale) ? EN_TIME : ZH_TIME).format(t);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static TemporalAccessor inChina(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i.atZone(CHINA);
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(CHINA);
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(CHINA);
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return (TemporalAccessor) value; // already China local (certification dates are China dates)
        }
        throw new IllegalArgumentException("Not a date or time: " + value.getClass().getName());
    }
}
