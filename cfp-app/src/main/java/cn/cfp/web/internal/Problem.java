package cn.cfp.web.internal;

import cn.cfp.shared.FormValues;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What went wrong, said as the platform says refusals: an HTTP status and reason codes (never an exception's class or
 * message). Every error that reaches a person or an API client — a {@link Refusal}, a request Spring could not bind, a
 * database constraint, an unexpected failure — is turned into one of these.
 *
 * @param status    the HTTP status
 * @param reasons   what was wrong, as reason codes with arguments
 * @param reference for an unexpected failure (500): the id under which it was logged, else null
 * @param headers   response headers that belong to the answer (e.g. {@code Allow} for 405)
 * @param cause     the exception, for the log
 */
record Problem(int status, List<Reason> reasons, String reference, Map<String, String> headers, Throwable cause) {

    Problem {
        reasons = List.copyOf(reasons);
        headers = Map.copyOf(headers);
    }

    static Problem of(int status, List<Reason> reasons, Throwable cause) {
        return new Problem(status, reasons, null, Map.of(), cause);
    }

    static Problem of(int status, Reason reason, Throwable cause) {
        return of(status, List.of(reason), cause);
    }

    boolean unexpected() {
        return reference != null;
    }

    /** An unexpected failure: a 500 whose only reason is the reference under which it is logged. */
    static Problem unexpected(Throwable cause) {
        String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return new Problem(500, List.of(Reason.of("web.unexpected", reference)), reference, Map.of(), cause);
    }

    /** A status without an exception (an error dispatch: Spring Security, the servlet container). */
    static Problem ofStatus(int status, String path, Throwable cause) {
        return switch (status) {
            case 400 -> of(400, Reason.of("web.badRequest"), cause);
            case 401 -> of(401, Reason.of("access.signIn"), cause);
            case 403 -> of(403, Reason.of("shared.denied"), cause);
            case 404 -> of(404, Reason.of("web.notFound", path), cause);
            case 405 -> of(405, Reason.of("web.methodNotAllowed.any"), cause);
            case 413 -> of(413, Reason.of("web.upload.tooLargeRequest"), cause);
            default -> status >= 500 ? unexpected(cause) : of(status, Reason.of("web.status", status), cause);
        };
    }

    /**
     * The problem an exception stands for. {@code maxFileSize} is the upload limit (said in the 413 reason).
     */
    static Problem of(Throwable e, String path, DataSize maxFileSize) {
        Refusal refusal = find(e, Refusal.class);
        if (refusal != null) {
            return of(refusal.status(), refusal.reasons(), e);
        }
        if (e instanceof CsrfException) {
            return of(403, Reason.of("web.formExpired"), e);
        }
        if (e instanceof AccessDeniedException) {
            return of(403, Reason.of("shared.denied"), e);
        }
        if (e instanceof MaxUploadSizeExceededException || e instanceof MultipartException && sizeLimit(e)) {
            return of(413, Reason.of("web.upload.tooLarge", size(maxFileSize)), e);
        }
        if (e instanceof MissingServletRequestPartException m) {
            return of(400, Reason.of("web.upload.fileMissing", m.getRequestPartName()).at(m.getRequestPartName()), e);
        }
        if (e instanceof MultipartException) {
            return of(400, Reason.of("web.upload.malformed"), e);
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return of(400, Reason.of("web.param.missing", m.getParameterName(), kind(m.getMethodParameter()))
                    .at(m.getParameterName()), e);
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return of(400, Reason.of("web.param.invalid", m.getName(), quote(m.getValue()), kind(m.getParameter())).at(m.getName()), e);
        }
        if (e instanceof BindException b) {
            return of(400, bindingReasons(b), e);
        }
        if (e instanceof HttpMessageNotReadableException) {
            return of(400, bodyReasons(e), e);
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            Map<String, String> headers = new LinkedHashMap<>();
            List<String> allowed = m.getSupportedMethods() == null ? List.of() : Arrays.asList(m.getSupportedMethods());
            if (!allowed.isEmpty()) {
                headers.put("Allow", String.join(", ", allowed));
            }
            Reason reason = allowed.isEmpty() ? Reason.of("web.methodNotAllowed.any")
                    : Reason.of("web.methodNotAllowed", m.getMethod(), allowed);
            return new Problem(405, List.of(reason), null, headers, e);
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return of(415, Reason.of("web.mediaType", m.getContentType() == null ? "—" : m.getContentType().toString(),
                    m.getSupportedMediaTypes().stream().map(Object::toString).toList()), e);
        }
        if (e instanceof HttpMediaTypeNotAcceptableException m) {
            return of(406, Reason.of("web.notAcceptable", m.getSupportedMediaTypes().stream().map(Object::toString).toList()), e);
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return of(404, Reason.of("web.notFound", path), e);
        }
        Problem integrity = integrity(e);
        if (integrity != null) {
            return integrity;
        }
        if (find(e, org.springframework.dao.ConcurrencyFailureException.class) != null) {
            // two people changed the same record at once and the database refused one (a lock it could not take):
            // the other's change stands, nothing is half-written, this person reloads and tries again
            return of(409, Reason.of("shared.concurrentChange"), e);
        }
        if (busy(e)) {
            return new Problem(503, List.of(Reason.of("web.busy")), null, Map.of("Retry-After", "5"), e);
        }
        if (e instanceof ErrorResponse r && r.getStatusCode().value() < 500) {
            return ofStatus(r.getStatusCode().value(), path, e);
        }
        return unexpected(e);
    }

    /** No pooled database connection became free in time: the platform is overloaded, not broken. */
    static boolean busy(Throwable e) {
        return find(e, java.sql.SQLTransientConnectionException.class) != null
                || find(e, org.springframework.jdbc.CannotGetJdbcConnectionException.class) != null;
    }

    /**
     * A database constraint that stopped a write (nothing was changed): a unique key → 409, any other integrity rule
     * (a missing required value, a reference to nothing, a value too long) → 400. Translated by Spring or not.
     */
    static Problem integrity(Throwable e) {
        if (find(e, DuplicateKeyException.class) != null) {
            return of(409, Reason.of("web.duplicate"), e);
        }
        if (find(e, DataIntegrityViolationException.class) != null) {
            return of(400, Reason.of("web.invalidData"), e);
        }
        SQLException sql = find(e, SQLException.class);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
            return "23505".equals(sql.getSQLState()) ? of(409, Reason.of("web.duplicate"), e) : of(400, Reason.of("web.invalidData"), e);
        }
        return null;
    }

    private static List<Reason> bindingReasons(BindException b) {
        List<Reason> out = new ArrayList<>();
        for (FieldError f : b.getFieldErrors()) {
            if (f.isBindingFailure()) {
                out.add(Reason.of("web.param.invalid", f.getField(), quote(f.getRejectedValue()), kind(b, f)).at(f.getField()));
            } else {
                out.add(Reason.of("web.param.rejected", f.getField(), quote(f.getRejectedValue())).at(f.getField()));
            }
        }
        if (out.isEmpty()) {
            out.add(Reason.of("web.badRequest"));
        }
        return out;
    }

    /** The words for a JSON body that could not be read: which field, what it should be, or where the syntax broke. */
    private static List<Reason> bodyReasons(Throwable e) {
        JacksonException j = find(e, JacksonException.class);
        if (j == null) {
            return List.of(Reason.of("web.body.missing"));
        }
        String path = path(j);
        if (j instanceof UnrecognizedPropertyException u) {
            return List.of(Reason.of("web.body.unknownField", path, u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()).at(path));
        }
        if (j instanceof InvalidFormatException f && !path.isEmpty()) {
            return List.of(Reason.of("web.body.invalid", path, quote(f.getValue()), kind(f.getTargetType(), null)).at(path));
        }
        if (j instanceof MismatchedInputException m && !path.isEmpty()) {
            return List.of(Reason.of("web.body.wrongType", path, kind(m.getTargetType(), null)).at(path));
        }
        if (!path.isEmpty()) {
            return List.of(Reason.of("web.body.field", path).at(path));
        }
        TokenStreamLocation at = j.getLocation();
        if (at != null && at.getLineNr() > 0) {
            return List.of(Reason.of("web.body.syntax", at.getLineNr(), at.getColumnNr()));
        }
        return List.of(Reason.of("web.body.notJson"));
    }

    private static String path(JacksonException j) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : j.getPath()) {
            if (r.getPropertyName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** What a bound field should be: the conversion's target (with a collection's element type), else the field's type. */
    private static Reason kind(BindException b, FieldError f) {
        ConversionFailedException conversion = f.contains(Throwable.class) ? find(f.unwrap(Throwable.class), ConversionFailedException.class) : null;
        TypeDescriptor target = conversion == null ? null : conversion.getTargetType();
        if (target != null) {
            TypeDescriptor element = target.isCollection() || target.isArray() ? target.getElementTypeDescriptor() : target;
            return element == null ? Reason.of("web.type.list") : kind(element.getType(), null);
        }
        return kind(b.getFieldType(f.getField()), null);
    }

    /** What a parameter should be, in words (a nested reason): a whole number, a date yyyy-mm-dd, one of … */
    private static Reason kind(MethodParameter parameter) {
        return kind(parameter == null ? null : parameter.getParameterType(), parameter);
    }

    private static Reason kind(Class<?> type, MethodParameter parameter) {
        if (type != null && (Collection.class.isAssignableFrom(type) || type.isArray())) {
            Class<?> element = type.isArray() ? type.getComponentType()
                    : parameter == null ? null : ResolvableType.forMethodParameter(parameter).asCollection().resolveGeneric(0);
            return element == null || element == Object.class ? Reason.of("web.type.list") : kind(element, null);
        }
        if (type == null) {
            return Reason.of("web.type.value");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == Byte.class || type == byte.class || type == BigInteger.class) {
            return Reason.of("web.type.integer");
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return Reason.of("web.type.decimal");
        }
        if (type == LocalDate.class) {
            return Reason.of("web.type.date");
        }
        if (type == LocalDateTime.class || type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return Reason.of("web.type.dateTime");
        }
        if (type == LocalTime.class) {
            return Reason.of("web.type.time");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Reason.of("web.type.boolean");
        }
        if (type.isEnum()) {
            return Reason.of("web.type.choice", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (type == String.class) {
            return Reason.of("web.type.text");
        }
        return Reason.of("web.type.value");
    }

    /** A value a person sent, quoted back shortened (arrays joined). */
    private static String quote(Object value) {
        String s;
        if (value == null) {
            s = "";
        } else if (value.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(String.valueOf(Array.get(value, i)));
            }
            s = String.join(", ", parts);
        } else {
            s = String.valueOf(value);
        }
        return FormValues.quote(s);
    }

    private static String size(DataSize size) {
        if (size == null || size.toBytes() <= 0) {
            return "—";
        }
        long mb = size.toMegabytes();
        return mb > 0 && size.toBytes() % (1024 * 1024) == 0 ? mb + " MB" : size.toKilobytes() + " KB";
    }

    /** Tomcat reports an upload over the limit as a multipart failure caused by a size limit. */
    private static boolean sizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException")) {
                return true;
            }
        }
        return false;
    }

    /** The first exception of this type in the chain of causes. */
    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return status + " " + reasons.stream().map(Reason::toString).collect(Collectors.joining("; "));
    }
}
