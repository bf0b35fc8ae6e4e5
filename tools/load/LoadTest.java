import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of the CFP REST API over loopback, with nothing but the JDK (run: {@code ./cfp load [options]}).
 *
 * <ol>
 *   <li>signs in the demo users (form login), makes each an API token;</li>
 *   <li>seeds cases through the API the way people make them — a client applies (CNEX-01-G: form, product, the five
 *       required documents, eligibility), submits, the project manager accepts — until {@code --cases} accepted cases
 *       exist (cases already there count);</li>
 *   <li>runs {@code --concurrency} workers in a bounded loop, {@code --requests} requests in all, over the list and
 *       detail endpoints, and prints errors and latency percentiles per endpoint and overall.</li>
 * </ol>
 * Options: --base http://localhost:8080 --cases 1000 --concurrency 200 --requests 20000 --warmup 3000 --seeders 8
 * --password cfp-demo-2026 --only <part of an endpoint pattern, to load just those>
 */
public class LoadTest {

    static final byte[] PDF = "%PDF-1.4\n% load test document\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final String SCHEME = "CNEX-01-G";

    final String base;
    final String password;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newFixedThreadPool(64)).build();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Only the endpoints whose pattern contains this (all when empty). */
    String only = "";

    LoadTest(String base, String password) {
        this.base = base;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>(Map.of("base", "http://localhost:8080", "cases", "1000", "concurrency", "200",
                "requests", "20000", "seeders", "8", "password", "cfp-demo-2026", "warmup", "3000", "only", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !o.containsKey(args[i].substring(2))) {
                System.err.println("unknown option " + args[i] + "; options: " + o.keySet());
                System.exit(2);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        LoadTest t = new LoadTest(o.get("base"), o.get("password"));
        t.only = o.get("only");
        for (String u : List.of("pm", "client-motor", "inspector")) {
            t.tokens.put(u, t.token(u));
        }
        long t0 = System.nanoTime();
        List<Long> ids = t.seed(Integer.parseInt(o.get("cases")), Integer.parseInt(o.get("seeders")));
        System.out.printf("seed: %d accepted cases ready in %.1f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);
        int warmup = Integer.parseInt(o.get("warmup"));
        if (warmup > 0) {
            System.out.println("warm-up: " + warmup + " requests (not measured: the JIT compiles the hot paths)");
            t.load(ids, Integer.parseInt(o.get("concurrency")), warmup, false);
        }
        t.load(ids, Integer.parseInt(o.get("concurrency")), Integer.parseInt(o.get("requests")), true);
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    // ------------------------------------------------------------------ sign-in and tokens

    String token(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> in = browser.send(form(base + "/login", Map.of("username", user, "password", password, "_csrf", csrf(login))),
                HttpResponse.BodyHandlers.ofString());
        if (in.statusCode() != 302 || in.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("cannot sign in as " + user + ": " + in.statusCode() + " " + in.headers().map());
        }
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/tokens")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String made = browser.send(form(base + "/tokens", Map.of("label", "load test " + UUID.randomUUID(), "scope", "WORKFLOW",
                "days", "1", "_csrf", csrf(page))),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("id=\"new-token\">(cfp_[^<]+)<").matcher(made);
        if (!m.find()) {
            throw new IllegalStateException("no token in the tokens page for " + user);
        }
        return m.group(1);
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|content=\"([^\"]+)\"[^>]*name=\"_csrf\"|name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    static HttpRequest form(String url, Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build();
    }

    // ------------------------------------------------------------------ API calls

    HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.get(user));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String ok(HttpResponse<String> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json.substring(0, Math.min(200, json.length())));
        }
        return Long.parseLong(m.group(1));
    }

    static List<String> strings(String json, String field) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    // ------------------------------------------------------------------ seeding

    List<Long> seed(int wanted, int seeders) throws Exception {
        List<Long> accepted = new CopyOnWriteArrayList<>();
        Pattern acceptedApp = Pattern.compile("\"id\":(\\d+),\"reference\":\"[^\"]+\",\"schemeCode\":\"[^\"]+\",\"applicantOrgId\":\\d+,"
                + "\"manufacturerOrgId\":\\d+,\"factoryOrgId\":\\d+,\"status\":\"ACCEPTED\"");
        for (int page = 0; ; page++) { // the list is paged: read every page
            String apps = ok(call("GET", "/api/applications?size=200&page=" + page, "pm", null), "list applications");
            if (apps.equals("[]")) {
                break;
            }
            Matcher m = acceptedApp.matcher(apps);
            while (m.find()) {
                accepted.add(Long.parseLong(m.group(1)));
            }
        }
        if (accepted.size() >= wanted) {
            return accepted;
        }
        String parties = ok(call("GET", "/api/parties", "client-motor", null), "parties");
        long org = number(parties, "id");
        long site = number(ok(call("POST", "/api/parties/" + org + "/sites", "client-motor",
                "{\"name\":\"负载测试厂区\",\"address\":\"测试路 1 号\"}"), "site"), "id");
        String scheme = ok(call("GET", "/api/schemes/" + SCHEME, "pm", null), "scheme");
        ExecutorService pool = Executors.newFixedThreadPool(seeders);
        AtomicInteger left = new AtomicInteger(wanted - accepted.size());
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < seeders; i++) {
            jobs.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    accepted.add(oneCase(site, scheme));
                    if (accepted.size() % 100 == 0) {
                        System.out.println("seed: " + accepted.size() + " cases");
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        return accepted;
    }

    long oneCase(long site, String schemeJson) throws Exception {
        String form = "{\"product-description\":\"隔爆型电动机\",\"standard\":\"GB/T 24067-2024\",\"boundary\":\"从摇篮到大门\","
                + "\"data-period\":\"2025 年\",\"functional-unit\":\"1 台\"}";
        long id = number(ok(call("POST", "/api/applications", "client-motor", "{\"scheme\":\"" + SCHEME + "\",\"form\":" + form + "}"),
                "create"), "id");
        ok(call("POST", "/api/applications/" + id + "/form", "client-motor", form), "form");
        ok(call("POST", "/api/applications/" + id + "/products", "client-motor", "{\"productName\":\"隔爆电机\",\"model\":\"LT-" + id
                + "\",\"category\":\"EXPLOSION_PROOF\",\"siteId\":" + site + ",\"bomItems\":80}"), "product");
        String detail = ok(call("GET", "/api/applications/" + id, "client-motor", null), "detail");
        List<String> items = strings(detail, "item");
        List<String> kinds = strings(detail, "kind");
        for (int i = 0; i < items.size(); i++) {
            if (kinds.get(i).equals("REQUIRED")) {
                upload(id, items.get(i));
            } else if (kinds.get(i).equals("CONDITIONAL")) {
                ok(call("POST", "/api/applications/" + id + "/documents/" + items.get(i) + "/answer?applies=false", "client-motor", null), "answer");
            }
        }
        ok(call("POST", "/api/applications/" + id + "/eligibility", "client-motor", "{\"LEGAL_PERSON\":true,\"PERMITS\":true,"
                + "\"ASSURANCE_SYSTEM_3_MONTHS\":true,\"NOT_ORDERED_TO_SUSPEND\":true,\"NOT_SERIOUSLY_DISHONEST\":true,"
                + "\"NO_SERIOUS_VIOLATION_1_YEAR\":true,\"TRUTHFULNESS\":true}"), "eligibility");
        ok(call("POST", "/api/applications/" + id + "/submit", "client-motor", null), "submit");
        StringBuilder review = new StringBuilder();
        for (String c : List.of("COMPLETE", "LEGAL", "UNITS_REASONABLE", "STANDARDS_APPLICABLE", "FEASIBLE", "ONSITE_NEED_DECIDED", "BODY_COMPETENT")) {
            review.append(review.isEmpty() ? "" : ",").append('"').append(c).append('"');
        }
        ok(call("POST", "/api/applications/" + id + "/accept", "pm", "{\"contractReview\":[" + review + "],\"contractSignedOn\":\""
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\",\"fee\":\"人民币 20,000 元\"}"), "accept");
        return id;
    }

    void upload(long id, String item) throws Exception {
        String boundary = "----cfpload" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + item
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(PDF);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/applications/" + id + "/documents/" + item))
                .header("Authorization", "Bearer " + tokens.get("client-motor")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        ok(http.send(r, HttpResponse.BodyHandlers.ofString()), "upload " + item);
    }

    // ------------------------------------------------------------------ load

    record Sample(String endpoint, int status, long micros) {
    }

    void load(List<Long> ids, int concurrency, int requests, boolean report) throws Exception {
        List<String[]> all = java.util.stream.Stream.of(
                new String[] {"GET /api/applications", "pm"},
                new String[] {"GET /api/applications/{id}", "pm"},
                new String[] {"GET /api/cases/{id}", "client-motor"},
                new String[] {"GET /api/planning", "inspector"},
                new String[] {"GET /api/planning/{id}", "pm"},
                new String[] {"GET /api/applications/{id}/clock", "client-motor"},
                new String[] {"GET /api/dashboard/clocks", "inspector"}).toList();
        // --only: an endpoint's exact name, else every endpoint whose name contains it
        List<String[]> exact = all.stream().filter(e -> e[0].equals(only.strip())).toList();
        List<String[]> endpoints = !exact.isEmpty() ? exact : all.stream().filter(e -> e[0].contains(only.strip())).toList();
        if (endpoints.isEmpty()) {
            System.err.println("--only '" + only + "' names no endpoint; the endpoints are: GET /api/applications, "
                    + "GET /api/applications/{id}, GET /api/cases/{id}, GET /api/planning, GET /api/planning/{id}, "
                    + "GET /api/applications/{id}/clock, GET /api/dashboard/clocks");
            System.exit(2);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>(requests));
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            Random random = new Random(w);
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < requests) {
                    String[] e = endpoints.get(random.nextInt(endpoints.size()));
                    String path = e[0].substring(4).replace("{id}", String.valueOf(ids.get(random.nextInt(ids.size()))))
                            + (e[0].endsWith("{id}") || e[0].endsWith("clock") ? "" : "?page=" + random.nextInt(5));
                    long s = System.nanoTime();
                    int status;
                    try {
                        status = call("GET", path, e[1], null).statusCode();
                    } catch (Exception x) {
                        status = -1;
                    }
                    samples.add(new Sample(e[0], status, (System.nanoTime() - s) / 1000));
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        if (!report) {
            return;
        }
        System.out.printf("load: %d requests, %d concurrent, %.1f s, %.0f requests/s%n", samples.size(), concurrency, seconds,
                samples.size() / seconds);
        System.out.printf("%-34s %7s %7s %8s %8s %8s %8s%n", "endpoint", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms");
        Map<String, List<Sample>> by = new TreeMap<>();
        samples.forEach(s -> by.computeIfAbsent(s.endpoint(), k -> new ArrayList<>()).add(s));
        by.put("(all)", new ArrayList<>(samples));
        by.forEach((k, v) -> {
            List<Long> t = v.stream().map(Sample::micros).sorted().toList();
            long errors = v.stream().filter(s -> s.status() != 200).count();
            System.out.printf("%-34s %7d %7d %8.1f %8.1f %8.1f %8.1f%n", k, v.size(), errors, pct(t, 50), pct(t, 95), pct(t, 99),
                    t.get(t.size() - 1) / 1000.0);
        });
        Map<Integer, Long> statuses = new TreeMap<>();
        samples.forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
        System.out.println("statuses: " + statuses);
    }

    static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1000.0;
    }
}
