import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The soak driver: mixed traffic through the gateway from a fixed number of virtual users, one phase without
 * faults, then one phase per service in which that service is killed with SIGKILL and started again (same port,
 * same data dir), then every acknowledged editor write read back through the gateway. Appends its rows to
 * SOAK-RESULTS.md. Only the JDK: {@code java benchmarks/reliability/Soak.java <soak.properties>}; soak.sh writes the
 * properties (URLs, token, pid files and start scripts of the services) and starts the services first.
 */
public class Soak {

    /** What a virtual user asks for; the weights are the share of requests of each kind. */
    enum Kind {
        PAGE("page", 50, true), PUBLISHER_SEARCH("publisher-search", 12, true),
        LITERATURE_SEARCH("literature-search", 10, true), API_CONTENT("api-content", 11, false),
        API_DIRECTORY("api-directory", 11, false), WRITE_CONTENT("write-content", 3, false),
        WRITE_DIRECTORY("write-directory", 3, false);

        final String label;
        final int weight;
        final boolean html;

        Kind(String label, int weight, boolean html) {
            this.label = label;
            this.weight = weight;
            this.html = html;
        }
    }

    /** How a request ended: an HTTP status class, or no answer at all. */
    enum Outcome { OK, CLIENT_ERROR, SERVER_ERROR, CONNECTION, TIMEOUT }

    /** One request. Times are System.nanoTime(); status 0 when there was no answer. */
    record Sample(int phase, Kind kind, String url, long start, long end, int status, Outcome outcome,
            boolean gatewayFallback) {
        double millis() {
            return (end - start) / 1e6;
        }
    }

    /** A phase of the run; {@code service} is null for the phase without faults. */
    static final class Phase {
        final String service;
        final long start = System.nanoTime();
        volatile long end;
        long killedAt;
        long healthyAt;
        boolean healthy;
        String load = "";

        Phase(String service) {
            this.service = service;
        }

        String name() {
            return service == null ? "steady" : "kill -9 " + service;
        }
    }

    /** One acknowledged write: the version the service answered and the two fields the read-back compares. */
    record Ack(long version, int phase, String first, String second) {
    }

    /** A page or organisation created by one virtual user, with every acknowledged write of it. */
    static final class Written {
        final boolean page;
        final String id;          // page id or organisation key
        final String lang;
        final String permalink;   // pages
        final String slug;        // organisations
        final String word;        // a word only this entity's name holds, for the search check
        final List<Ack> acks = new ArrayList<>();
        Ack unanswered;           // a write sent after the last ack whose outcome is unknown: no further writes
        boolean refused;          // a write was refused (4xx): no further writes either

        Written(boolean page, String id, String lang, String permalink, String slug, String word) {
            this.page = page;
            this.id = id;
            this.lang = lang;
            this.permalink = permalink;
            this.slug = slug;
            this.word = word;
        }

        Ack last() {
            return acks.get(acks.size() - 1);
        }
    }

    private static final String[] PUBLISHER_QUERIES = { "", "natuur", "musee", "univ", "inbo", "meise", "royal",
            "belg", "gbif", "botanic", "instituut", "vlaams" };
    private static final String[] LITERATURE_QUERIES = { "", "biodiversity", "species", "belgium", "climate",
            "forest", "bird", "occurrence", "marine", "distribution" };
    private static final String[] LANG_PREFIXES = { "", "/nl", "/fr" };
    private static final String[] LANGS = { "en", "nl", "fr" };
    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");
    private static final long ERROR_PAUSE_MS = 100;
    private static final long QUIET = TimeUnit.SECONDS.toNanos(5);       // no failure for this long: settled
    private static final long MAX_WAIT = TimeUnit.SECONDS.toNanos(180);  // for quiet, after warm-up or health UP

    private final Properties settings;
    private final String gateway;
    private final String token;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final HttpClient http;
    private final List<Phase> phases = Collections.synchronizedList(new ArrayList<>());
    private volatile int currentPhase = -1;   // -1: warm-up, not reported
    private volatile boolean stopping;
    private volatile long lastFailure = System.nanoTime();   // end of the latest failed request, any kind
    private final Map<String, Long> firstOk = new ConcurrentHashMap<>();   // URL -> end of its first 200
    private final Map<String, Long> firstShared = new ConcurrentHashMap<>();   // the same, without no-store/private
    private final List<List<Sample>> samplesPerUser = new ArrayList<>();
    private final List<List<Written>> writtenPerUser = new ArrayList<>();
    private final Kind[] wheel;

    private List<String> pages = List.of();
    private List<String> orgKeys = List.of();
    private List<String> orgSlugs = List.of();

    Soak(Properties settings) {
        this.settings = settings;
        this.gateway = settings.getProperty("gateway.url");
        this.token = settings.getProperty("token");
        // Measure each failure once: the JDK client would otherwise try a refused connection a second time.
        System.setProperty("jdk.httpclient.disableRetryConnect", "true");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
        List<Kind> slots = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            slots.addAll(Collections.nCopies(kind.weight, kind));
        }
        this.wheel = slots.toArray(Kind[]::new);
    }

    public static void main(String[] args) throws Exception {
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(Path.of(args[0]))) {
            settings.load(in);
        }
        new Soak(settings).run();
    }

    private int intSetting(String name) {
        return Integer.parseInt(settings.getProperty(name).trim());
    }

    void run() throws Exception {
        discover();
        int users = intSetting("vus");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            List<Sample> samples = new ArrayList<>();
            List<Written> written = new ArrayList<>();
            samplesPerUser.add(samples);
            writtenPerUser.add(written);
            int user = i;
            Thread thread = new Thread(() -> user(user, samples, written), "vu-" + i);
            thread.start();
            threads.add(thread);
        }
        log("%d virtual users; warm-up %d s, then until no request has failed for 5 s", users, intSetting("warmup"));
        sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(intSetting("warmup")));
        awaitQuiet(System.nanoTime() + MAX_WAIT);
        runPhase(null);
        for (String service : settings.getProperty("faults").split(",")) {
            if (!service.isBlank()) {
                runPhase(service.trim());
            }
        }
        stopping = true;
        for (Thread thread : threads) {
            thread.join();
        }
        List<Sample> all = samplesPerUser.stream().flatMap(List::stream).collect(Collectors.toList());
        List<Written> written = writtenPerUser.stream().flatMap(List::stream).collect(Collectors.toList());
        ReadBack readBack = readBack(written);
        report(all, written, readBack);
    }

    // ---- what to ask for -------------------------------------------------------------------------------------

    /** Page URLs from the portal's sitemap, organisation keys and slugs from the directory. */
    private void discover() throws Exception {
        String sitemap = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (sitemap == null) {
            try {
                HttpResponse<String> answer = http.send(get("/sitemap.xml"), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    sitemap = answer.body();
                }
            }
            catch (IOException ex) {
                // not yet
            }
            if (sitemap == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no /sitemap.xml through the gateway within 120 s");
                }
                Thread.sleep(1000);
            }
        }
        List<String> found = new ArrayList<>();
        Matcher loc = LOC.matcher(sitemap);
        while (loc.find()) {
            URI uri = URI.create(loc.group(1).trim());
            found.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
        pages = List.copyOf(found);
        Map<?, ?> orgs = (Map<?, ?>) Json.parse(http.send(get("/api/directory/v1/organisations?limit=200"),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> keys = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (Object result : (List<?>) orgs.get("results")) {
            keys.add((String) ((Map<?, ?>) result).get("key"));
            slugs.add((String) ((Map<?, ?>) result).get("slug"));
        }
        orgKeys = List.copyOf(keys);
        orgSlugs = List.copyOf(slugs);
        long langs = pages.stream().map(Soak::langOf).distinct().count();
        log("sitemap: %d pages in %d languages; directory: %d organisations; run id %s", pages.size(), langs,
                orgKeys.size(), run);
        if (pages.isEmpty() || orgKeys.isEmpty()) {
            throw new IllegalStateException("nothing to ask for: empty sitemap or directory");
        }
    }

    private static String langOf(String path) {
        return path.startsWith("/nl/") || path.equals("/nl") ? "nl"
                : path.startsWith("/fr/") || path.equals("/fr") ? "fr" : "en";
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String readUrl(Kind kind, Random random) {
        switch (kind) {
            case PAGE:
                return pick(random, pages);
            case PUBLISHER_SEARCH: {
                String prefix = pick(random, LANG_PREFIXES);
                int shape = random.nextInt(10);
                if (shape == 0) {
                    return prefix + "/publisher/" + pick(random, orgKeys);
                }
                String q = pick(random, PUBLISHER_QUERIES);
                return prefix + "/publisher/search" + (q.isEmpty() ? "" : "?q=" + enc(q))
                        + (shape == 1 ? (q.isEmpty() ? "?" : "&") + "role=MEMBER" : "");
            }
            case LITERATURE_SEARCH: {
                String q = pick(random, LITERATURE_QUERIES);
                return pick(random, LANG_PREFIXES) + "/literature/search" + (q.isEmpty() ? "" : "?q=" + enc(q));
            }
            case API_CONTENT: {
                String page = pick(random, pages);
                switch (random.nextInt(5)) {
                    case 0: return "/api/content/v1/posts?lang=" + pick(random, LANGS) + "&limit=5";
                    case 1: return "/api/content/v1/literature?q=" + enc(pick(random, LITERATURE_QUERIES)) + "&limit=5";
                    case 2: return "/api/content/v1/data/navigation?lang=" + pick(random, LANGS);
                    case 3: return "/api/content/v1/revision";
                    default: return "/api/content/v1/pages?lang=" + langOf(page) + "&path=" + enc(page);
                }
            }
            case API_DIRECTORY:
                switch (random.nextInt(4)) {
                    case 0: return "/api/directory/v1/organisations/" + pick(random, orgKeys);
                    case 1: return "/api/directory/v1/organisations/slug/" + pick(random, orgSlugs);
                    case 2: return "/api/directory/v1/organisations?role=MEMBER&limit=50";
                    default: return "/api/directory/v1/organisations?q=" + enc(pick(random, PUBLISHER_QUERIES))
                            + "&facet=role&facet=type";
                }
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    private HttpRequest get(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(gateway + pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private HttpRequest write(String method, String pathAndQuery, String json) {
        return HttpRequest.newBuilder(URI.create(gateway + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("X-Editor", "soak").method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    }

    // ---- the virtual users -----------------------------------------------------------------------------------

    private void user(int user, List<Sample> samples, List<Written> written) {
        Random random = new Random(user * 7919L + System.nanoTime());
        int serial = 0;
        while (!stopping) {
            Kind kind = wheel[random.nextInt(wheel.length)];
            int phase = currentPhase;
            Sample sample;
            if (kind == Kind.WRITE_CONTENT || kind == Kind.WRITE_DIRECTORY) {
                sample = editorWrite(kind, random, user, ++serial, phase, written);
            }
            else {
                String url = readUrl(kind, random);
                sample = exchange(phase, kind, url, get(url)).sample;
            }
            if (phase >= 0) {
                samples.add(sample);
            }
            pause(sample.outcome == Outcome.OK ? intSetting("think-ms") : ERROR_PAUSE_MS);
        }
    }

    /** A sample plus the body, for the writes that need the answer. */
    record Exchange(Sample sample, String body) {
    }

    private Exchange exchange(int phase, Kind kind, String url, HttpRequest request) {
        long start = System.nanoTime();
        int status = 0;
        Outcome outcome;
        boolean fallback = false;
        String body = null;
        boolean shareable = false;
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = answer.statusCode();
            body = answer.body();
            outcome = status < 400 ? Outcome.OK : status < 500 ? Outcome.CLIENT_ERROR : Outcome.SERVER_ERROR;
            // The gateway's own 503 (service down, slow or its circuit open) is the one with Retry-After.
            fallback = status >= 500 && answer.headers().firstValue("Retry-After").isPresent();
            // What the gateway's page cache may keep (a page rendered without a part: no-store before, max-age=0 now).
            String cacheControl = answer.headers().firstValue("Cache-Control").orElse("");
            shareable = !cacheControl.contains("no-store") && !cacheControl.contains("private");
        }
        catch (HttpTimeoutException ex) {
            outcome = Outcome.TIMEOUT;
        }
        catch (IOException ex) {
            outcome = Outcome.CONNECTION;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            outcome = Outcome.CONNECTION;
        }
        long end = System.nanoTime();
        if (outcome != Outcome.OK) {
            lastFailure = end;
        }
        if (status == 200 && kind.html) {
            firstOk.merge(url, end, Math::min);
            if (shareable) {
                firstShared.merge(url, end, Math::min);
            }
        }
        return new Exchange(new Sample(phase, kind, url, start, end, status, outcome, fallback), body);
    }

    /** Creates a page or organisation, or changes one this user created before; records what was acknowledged. */
    private Sample editorWrite(Kind kind, Random random, int user, int serial, int phase, List<Written> written) {
        boolean page = kind == Kind.WRITE_CONTENT;
        List<Written> mine = written.stream().filter(w -> w.page == page && w.unanswered == null && !w.refused)
                .collect(Collectors.toList());
        if (mine.isEmpty() || random.nextInt(10) < 4) {
            return page ? createPage(random, user, serial, phase, written)
                    : createOrganisation(user, serial, phase, written);
        }
        Written target = pick(random, mine);
        Ack previous = target.last();
        String first = (page ? "Soak page " : "Soak organisation ") + target.word + " rev " + (previous.version + 1);
        String second = "Changed by the soak at " + Instant.now() + " (" + serial + ").";
        Exchange done;
        if (page) {
            done = exchange(phase, kind, "PUT page", write("PUT", "/api/content/v1/pages/" + target.id + "?version="
                    + previous.version, pageJson(target.lang, target.permalink, first, second)));
        }
        else {
            done = exchange(phase, kind, "PUT organisation", write("PUT", "/api/directory/v1/organisations/"
                    + target.id, orgJson(target.slug, first, second, previous.version)));
        }
        if (done.sample.status / 100 == 2) {
            Map<?, ?> saved = (Map<?, ?>) Json.parse(done.body);
            target.acks.add(new Ack(((Number) saved.get("version")).longValue(), phase, first, second));
        }
        else if (done.sample.status == 0 || done.sample.status >= 500) {
            target.unanswered = new Ack(previous.version + 1, phase, first, second);
        }
        else {
            target.refused = true;
            log("refused write (%d): %s", done.sample.status, done.body);
        }
        return done.sample;
    }

    private Sample createPage(Random random, int user, int serial, int phase, List<Written> written) {
        String lang = pick(random, LANGS);
        String word = "soak" + run + "u" + user + "n" + serial;
        String permalink = (lang.equals("en") ? "" : "/" + lang) + "/soak/" + word;
        String title = "Soak page " + word + " rev 1";
        String body = "Written by the soak test at " + Instant.now() + ".";
        return create(Kind.WRITE_CONTENT, phase, "/api/content/v1/pages", pageJson(lang, permalink, title, body),
                saved -> new Written(true, (String) saved.get("id"), lang, permalink, null, word), title, body,
                written);
    }

    private Sample createOrganisation(int user, int serial, int phase, List<Written> written) {
        String word = "soak" + run + "u" + user + "n" + serial;
        String slug = "soak-" + run + "-" + user + "-" + serial;
        String name = "Soak organisation " + word + " rev 0";
        String description = "Created by the soak test at " + Instant.now() + ".";
        return create(Kind.WRITE_DIRECTORY, phase, "/api/directory/v1/organisations",
                orgJson(slug, name, description, null),
                saved -> new Written(false, (String) saved.get("key"), "en", null, slug, word), name, description,
                written);
    }

    /** POSTs a new page or organisation; a 201 is recorded with the two fields the read-back compares. */
    private Sample create(Kind kind, int phase, String path, String json, Function<Map<?, ?>, Written> entity,
            String first, String second, List<Written> written) {
        Exchange done = exchange(phase, kind, "POST " + path, write("POST", path, json));
        if (done.sample.status == 201) {
            Map<?, ?> saved = (Map<?, ?>) Json.parse(done.body);
            Written created = entity.apply(saved);
            created.acks.add(new Ack(((Number) saved.get("version")).longValue(), phase, first, second));
            written.add(created);
        }
        else if (done.sample.status > 0 && done.sample.status < 500) {
            log("refused %s (%d): %s", path, done.sample.status, done.body);
        }
        return done.sample;
    }

    private static String pageJson(String lang, String permalink, String title, String body) {
        return "{\"lang\":" + Json.quote(lang) + ",\"permalink\":" + Json.quote(permalink) + ",\"title\":"
                + Json.quote(title) + ",\"description\":\"A page the soak test writes.\",\"body\":" + Json.quote(body)
                + "}";
    }

    private static String orgJson(String slug, String nameEn, String descriptionEn, Long version) {
        return "{\"slug\":" + Json.quote(slug) + ",\"names\":{\"en\":" + Json.quote(nameEn) + ",\"nl\":"
                + Json.quote(nameEn + " (nl)") + ",\"fr\":null},\"descriptions\":{\"en\":" + Json.quote(descriptionEn)
                + "},\"roles\":[\"PUBLISHER\"],\"type\":\"OTHER\",\"country\":\"BE\""
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- phases and faults -----------------------------------------------------------------------------------

    private void runPhase(String service) throws Exception {
        Phase phase = new Phase(service);
        phases.add(phase);
        currentPhase = phases.size() - 1;
        long duration = TimeUnit.SECONDS.toNanos(intSetting("duration"));
        if (service != null) {
            sleepUntil(phase.start + Math.min(TimeUnit.SECONDS.toNanos(5), duration / 4));
            killAndRestart(phase, service);
            long settle = TimeUnit.SECONDS.toNanos(intSetting("settle"));
            sleepUntil(Math.max(phase.start + duration, phase.healthyAt + settle));
            awaitQuiet(phase.healthyAt + MAX_WAIT);
        }
        else {
            sleepUntil(phase.start + duration);
        }
        phase.end = System.nanoTime();
        phase.load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        log("%s done: %.0f s, load %s", phase.name(), (phase.end - phase.start) / 1e9, phase.load);
    }

    /** SIGKILL (ProcessHandle.destroyForcibly is kill -9 on Linux), then the same start script, then health UP. */
    private void killAndRestart(Phase phase, String service) throws Exception {
        long pid = Long.parseLong(Files.readString(Path.of(settings.getProperty(service + ".pid-file"))).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
        phase.killedAt = System.nanoTime();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        log("%s (pid %d) killed with SIGKILL", service, pid);
        Process starter = new ProcessBuilder("bash", settings.getProperty(service + ".start"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        starter.waitFor(30, TimeUnit.SECONDS);
        HttpRequest health = HttpRequest.newBuilder(URI.create(settings.getProperty(service + ".health")))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = phase.killedAt + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\"")) {
                    phase.healthyAt = System.nanoTime();
                    phase.healthy = true;
                    log("%s healthy again %.1f s after the kill", service, (phase.healthyAt - phase.killedAt) / 1e9);
                    return;
                }
            }
            catch (IOException ex) {
                // still starting
            }
            Thread.sleep(100);
        }
        phase.healthyAt = System.nanoTime();
        log("%s NOT healthy 300 s after the kill", service);
    }

    /** Until no request has failed for {@link #QUIET}, or the deadline. */
    private void awaitQuiet(long deadline) throws InterruptedException {
        while (System.nanoTime() - lastFailure < QUIET && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (System.nanoTime() >= deadline) {
            log("requests still failing at the deadline");
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 500_000_000L))));
        }
    }

    // ---- read-back -------------------------------------------------------------------------------------------

    /** Per phase: writes acknowledged and lost; over all: organisations the search misses, pages not showing. */
    static final class ReadBack {
        final int[] acked;
        final int[] lost;
        int entities;
        int unanswered;
        int searchMisses;
        int htmlStale;
        final List<String> problems = new ArrayList<>();

        ReadBack(int phases) {
            acked = new int[phases];
            lost = new int[phases];
        }
    }

    private ReadBack readBack(List<Written> written) throws Exception {
        log("reading back %d written pages and organisations...", written.size());
        ReadBack result = new ReadBack(phases.size());
        for (Written entity : written) {
            result.entities++;
            if (entity.unanswered != null) {
                result.unanswered++;
            }
            entity.acks.stream().filter(a -> a.phase >= 0).forEach(a -> result.acked[a.phase]++);
            String path = (entity.page ? "/api/content/v1/pages/" : "/api/directory/v1/organisations/") + entity.id;
            HttpResponse<String> answer = settledGet(path);
            long stored = -1;
            boolean asAcked = false;
            if (answer.statusCode() == 200) {
                Map<?, ?> found = (Map<?, ?>) Json.parse(answer.body());
                stored = ((Number) found.get("version")).longValue();
                String first = (String) (entity.page ? found.get("title") : ((Map<?, ?>) found.get("names")).get("en"));
                String second = (String) (entity.page ? found.get("body")
                        : ((Map<?, ?>) found.get("descriptions")).get("en"));
                long version = stored;
                Predicate<Ack> same = a -> a != null && a.version == version && Objects.equals(first, a.first)
                        && Objects.equals(second, a.second);
                asAcked = same.test(entity.last()) || same.test(entity.unanswered);
            }
            if (!asAcked) {
                long kept = stored;
                List<Ack> gone = entity.acks.stream().filter(a -> a.version > kept || kept < 0)
                        .collect(Collectors.toList());
                if (gone.isEmpty()) {
                    gone = List.of(entity.last());   // same version, other text: counts as the last write lost
                }
                gone.stream().filter(a -> a.phase >= 0).forEach(a -> result.lost[a.phase]++);
                result.problems.add(path + ": answered " + answer.statusCode() + " version " + stored
                        + "; acknowledged up to version " + entity.last().version + ": " + answer.body());
            }
            else if (!entity.page) {
                HttpResponse<String> search = settledGet("/api/directory/v1/organisations?q=" + entity.word);
                if (!search.body().contains(entity.id)) {
                    result.searchMisses++;
                    result.problems.add("search q=" + entity.word + " misses " + entity.id + ": " + search.body());
                }
            }
            else {
                HttpResponse<String> html = settledGet(entity.permalink);
                String expected = entity.unanswered != null && html.body().contains(entity.unanswered.first)
                        ? entity.unanswered.first : entity.last().first;
                if (!html.body().contains(expected)) {
                    result.htmlStale++;
                    result.problems.add(entity.permalink + " (" + html.statusCode() + ") does not show '" + expected
                            + "'");
                }
            }
        }
        return result;
    }

    /** A GET through the gateway, tried again while there is no answer or a 5xx (availability is not measured here). */
    private HttpResponse<String> settledGet(String path) throws Exception {
        HttpResponse<String> answer = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                answer = http.send(get(path), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() < 500) {
                    return answer;
                }
            }
            catch (IOException ex) {
                // try again
            }
            Thread.sleep(500);
        }
        if (answer == null) {
            throw new IOException("no answer for " + path + " in 30 s");
        }
        return answer;
    }

    // ---- figures ---------------------------------------------------------------------------------------------

    /** Counts of one set of samples. */
    static final class Tally {
        final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int fallbacks;
        final List<Double> okMillis = new ArrayList<>();

        Tally(List<Sample> samples) {
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, 0);
            }
            for (Sample sample : samples) {
                outcomes.merge(sample.outcome, 1, Integer::sum);
                if (sample.gatewayFallback) {
                    fallbacks++;
                }
                if (sample.outcome == Outcome.OK) {
                    okMillis.add(sample.millis());
                }
            }
            Collections.sort(okMillis);
        }

        int count() {
            return outcomes.values().stream().mapToInt(Integer::intValue).sum();
        }

        int get(Outcome outcome) {
            return outcomes.get(outcome);
        }

        int failed() {
            return count() - get(Outcome.OK);
        }

        String percentile(double p) {
            if (okMillis.isEmpty()) {
                return "–";
            }
            int index = (int) Math.ceil(p / 100 * okMillis.size()) - 1;
            return fmt(okMillis.get(Math.max(0, index)));
        }

        String failures() {
            List<String> parts = new ArrayList<>();
            if (get(Outcome.CONNECTION) > 0) {
                parts.add("conn " + get(Outcome.CONNECTION));
            }
            if (get(Outcome.TIMEOUT) > 0) {
                parts.add("timeout " + get(Outcome.TIMEOUT));
            }
            if (get(Outcome.SERVER_ERROR) > 0) {
                parts.add("5xx " + get(Outcome.SERVER_ERROR) + (fallbacks > 0 ? " (gw " + fallbacks + ")" : ""));
            }
            if (get(Outcome.CLIENT_ERROR) > 0) {
                parts.add("4xx " + get(Outcome.CLIENT_ERROR));
            }
            return String.join(", ", parts);
        }
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private void report(List<Sample> all, List<Written> written, ReadBack readBack) throws IOException {
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(Instant.now());
        String commit = settings.getProperty("commit");
        String settingsCell = settings.getProperty("vus") + " VU, " + settings.getProperty("think-ms") + " ms think, "
                + settings.getProperty("duration") + " s/phase, heap `" + settings.getProperty("heap") + "`";
        List<String> phaseRows = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            int index = i;
            List<Sample> in = all.stream().filter(s -> s.phase == index).collect(Collectors.toList());
            Tally tally = new Tally(in);
            double secs = (phase.end - phase.start) / 1e9;
            List<String> byKind = new ArrayList<>();
            List<String> recovered = new ArrayList<>();
            List<String> brokenPages = new ArrayList<>();
            List<Sample> broken = brokenPages(in, phase);
            for (Kind kind : Kind.values()) {
                List<Sample> ofKind = in.stream().filter(s -> s.kind == kind).collect(Collectors.toList());
                Tally kindTally = new Tally(ofKind);
                if (kindTally.failed() > 0) {
                    byKind.add(kind.label + ": " + kindTally.failures());
                    if (phase.service != null) {
                        recovered.add(kind.label + " " + recovery(ofKind, phase));
                    }
                }
                long brokenOfKind = broken.stream().filter(s -> s.kind == kind).count();
                if (brokenOfKind > 0) {
                    brokenPages.add(kind.label + " " + brokenOfKind);
                }
            }
            long neverShared = broken.stream().filter(s -> !servedBefore(firstShared, s, phase)).count();
            if (neverShared > 0) {
                brokenPages.add(neverShared + " of them only ever answered no-store before");
            }
            broken.stream().limit(8).forEach(s -> System.out.printf(Locale.ROOT,
                    "  %s: %s %s answered %d%s %.1f s into the phase; its first 200 %.1f s into the run%s%n",
                    phase.name(), s.kind.label, s.url, s.status, s.gatewayFallback ? " (gateway fallback)" : "",
                    (s.start - phase.start) / 1e9, (firstOk.get(s.url) - phases.get(0).start) / 1e9,
                    servedBefore(firstShared, s, phase) ? "" : ", never without no-store before"));
            phaseRows.add(String.join(" | ", "", date, commit, i == 0 ? settingsCell : "", phase.name(),
                    String.format(Locale.ROOT, "%.0f", secs), phase.load, Integer.toString(tally.count()),
                    String.format(Locale.ROOT, "%.0f", tally.count() / secs), tally.percentile(50),
                    tally.percentile(99), Integer.toString(tally.get(Outcome.CONNECTION)),
                    Integer.toString(tally.get(Outcome.TIMEOUT)),
                    tally.get(Outcome.SERVER_ERROR) + " (" + tally.fallbacks + ")",
                    Integer.toString(tally.get(Outcome.CLIENT_ERROR)),
                    byKind.isEmpty() ? "none" : String.join("; ", byKind),
                    phase.service == null ? "–" : phase.healthy ? seconds(phase.healthyAt - phase.killedAt)
                            : "not healthy after " + seconds(phase.healthyAt - phase.killedAt),
                    phase.service == null ? "–" : recovered.isEmpty() ? "no failures" : String.join("; ", recovered),
                    broken.isEmpty() ? "0" : broken.size() + " (" + String.join("; ", brokenPages) + ")",
                    Integer.toString(readBack.acked[i]), Integer.toString(readBack.lost[i]), "").trim());
        }
        List<String> kindRows = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<Sample> steady = all.stream().filter(s -> s.phase == 0 && s.kind == kind).collect(Collectors.toList());
            List<Sample> faults = all.stream().filter(s -> s.phase > 0 && s.kind == kind).collect(Collectors.toList());
            List<Sample> every = all.stream().filter(s -> s.kind == kind).collect(Collectors.toList());
            Tally steadyTally = new Tally(steady);
            Tally faultTally = new Tally(faults);
            Tally everyTally = new Tally(every);
            double steadySecs = (phases.get(0).end - phases.get(0).start) / 1e9;
            kindRows.add(String.join(" | ", "", date, commit, kind.label,
                    String.format(Locale.ROOT, "%.1f", steadyTally.count() / steadySecs), steadyTally.percentile(50),
                    steadyTally.percentile(99), Integer.toString(steadyTally.failed()), faultTally.percentile(50),
                    faultTally.percentile(99), Integer.toString(everyTally.count()),
                    Integer.toString(everyTally.get(Outcome.CONNECTION)),
                    Integer.toString(everyTally.get(Outcome.TIMEOUT)),
                    everyTally.get(Outcome.SERVER_ERROR) + " (" + everyTally.fallbacks + ")",
                    Integer.toString(everyTally.get(Outcome.CLIENT_ERROR)), "").trim());
        }
        int lost = Arrays.stream(readBack.lost).sum();
        int acked = Arrays.stream(readBack.acked).sum();
        String readBackLine = String.format(Locale.ROOT, "- %s %s: %d acknowledged writes to %d pages and "
                + "organisations read back through the gateway, %d lost; %d entities had a write with no answer "
                + "(not counted); %d organisations not found by their search word; %d soak pages not showing their "
                + "last acknowledged title.", date, commit, acked, readBack.entities, lost, readBack.unanswered,
                readBack.searchMisses, readBack.htmlStale);
        System.out.println();
        phaseRows.forEach(System.out::println);
        System.out.println();
        kindRows.forEach(System.out::println);
        System.out.println();
        System.out.println(readBackLine);
        readBack.problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        Results.append(Path.of(settings.getProperty("results")), phaseRows, kindRows, readBackLine);
    }

    /** 5xx answers for HTML URLs answered 200 before the kill (in the steady phase: before the request). */
    private List<Sample> brokenPages(List<Sample> in, Phase phase) {
        return in.stream().filter(s -> s.outcome == Outcome.SERVER_ERROR && s.kind.html)
                .filter(s -> servedBefore(firstOk, s, phase)).collect(Collectors.toList());
    }

    private static boolean servedBefore(Map<String, Long> first, Sample sample, Phase phase) {
        return first.getOrDefault(sample.url, Long.MAX_VALUE) < (phase.service == null ? sample.start : phase.killedAt);
    }

    /**
     * From the kill to the end of the first successful request of this kind that started after its last failed
     * one: until then the kind was still failing, at least now and then.
     */
    private static String recovery(List<Sample> ofKind, Phase phase) {
        long lastFailure = ofKind.stream().filter(s -> s.outcome != Outcome.OK).mapToLong(Sample::start).max()
                .orElse(0);
        return ofKind.stream().filter(s -> s.outcome == Outcome.OK && s.start > lastFailure).mapToLong(Sample::end)
                .min()
                .stream().mapToObj(end -> seconds(end - phase.killedAt)).findFirst().orElse("not recovered");
    }

    static void log(String format, Object... args) {
        System.out.println(DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneOffset.UTC).format(Instant.now()) + " "
                + String.format(Locale.ROOT, format, args));
    }

    // ---- SOAK-RESULTS.md -------------------------------------------------------------------------------------

    /** Keeps the results file: a header written once, then each run's rows appended at the end of each table. */
    static final class Results {

        static final String PHASES = "## Phases";
        static final String KINDS = "## Traffic kinds";
        static final String READ_BACK = "## Read-back";

        static void append(Path file, List<String> phaseRows, List<String> kindRows, String readBackLine)
                throws IOException {
            List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : header();
            insertAtEnd(lines, PHASES, "|", phaseRows);
            insertAtEnd(lines, KINDS, "|", kindRows);
            insertAtEnd(lines, READ_BACK, "- ", List.of(readBackLine));
            Files.write(file, lines);
            log("rows added to %s", file);
        }

        /** After the last of the lines starting with {@code prefix} (a table's rows, a list) below the heading. */
        private static void insertAtEnd(List<String> lines, String heading, String prefix, List<String> rows) {
            int at = lines.indexOf(heading);
            if (at < 0) {
                throw new IllegalStateException(heading + " is missing from the results file");
            }
            at++;
            while (at < lines.size() && !lines.get(at).startsWith(prefix) && !lines.get(at).startsWith("## ")) {
                at++;
            }
            while (at < lines.size() && lines.get(at).startsWith(prefix)) {
                at++;
            }
            lines.addAll(at, rows);
        }

        private static final String[] PHASE_COLUMNS = { "date (UTC)", "commit", "settings", "phase", "s", "load",
                "requests", "req/s", "p50", "p99", "conn", "timeout", "5xx (gw)", "4xx", "failed requests by kind",
                "healthy after s", "back after s, by kind", "5xx for pages served before", "acked", "lost" };
        private static final String[] KIND_COLUMNS = { "date (UTC)", "commit", "kind", "steady req/s", "steady p50",
                "steady p99", "steady failed", "faults p50", "faults p99", "requests", "conn", "timeout", "5xx (gw)",
                "4xx" };

        private static List<String> header() {
            String text = """
            # Soak test with faults

            Written by `benchmarks/reliability/soak.sh` (rows appended per run, newest last). The four services run
            from their jars on loopback, each data service on the embedded MongoDB with its store on disk (commit on
            every write). A fixed number of virtual users (VU) send mixed traffic through the gateway: pages from the
            portal's `/sitemap.xml` (nl, fr, en), publisher search and publisher pages, literature search pages with
            queries, reads of `/api/content/v1/...` and `/api/directory/v1/...`, and editor writes with the token
            (create and change pages in content-service, organisations in directory-service). A user waits the
            think time after an answer, 100 ms after a failure. After a warm-up (`WARMUP` s, then until no request
            has failed for 5 s) come the phases: `steady` (no fault), then for each service in turn `kill -9`
            (SIGKILL) 5 s into the phase and the same start command again (same port, same data dir). A phase lasts
            `DURATION` s, a fault phase at least until the service has been healthy for `SETTLE` s and no request
            has failed for 5 s (at most 180 s after health UP). At the end every acknowledged write (2xx) is read
            back through the gateway.

            The gateway's per-client API rate limits are raised to 1,000,000 a minute: all of the soak's traffic
            comes from one address, which the defaults (120 reads and 20 writes a minute) would answer with 429.
            One gateway: while it restarts every request fails with connection refused (production runs several).

            Re-run: `benchmarks/reliability/soak.sh` (env `DURATION`, `VUS`, `THINK_MS`, `SETTLE`, `FAULTS`,
            `JAVA_OPTS`, `SKIP_BUILD=1`; see the script). Times in ms unless marked s. "load" is the 1-minute load
            average at the end of the phase (2 cores, shared with other builds).

            ## Phases

            - **conn**: no answer (connection refused, reset or closed); **timeout**: no answer within 10 s;
              **5xx (gw)**: 5xx answers, in brackets those from the gateway's fallback (service unreachable or
              circuit open, recognised by `Retry-After`); **4xx**: other refusals (e.g. 429, 409).
            - **p50/p99**: of the successful answers, all kinds together.
            - **healthy after**: from the kill to the restarted service's `/actuator/health` UP.
            - **back after**: per traffic kind that failed in the phase, from the kill to the end of its first
              successful request after its last failure (kinds not listed did not fail).
            - **5xx for pages served before**: 5xx answers for an HTML URL (page, search page) that had been
              answered 200 before the kill (in `steady`: before that request); the goal is 0. "only ever
              answered no-store": until 80a9204 render-service marked a page rendered without one of its parts
              `no-store`, so the gateway had no copy of it to serve; it now marks it `max-age=0`, which the
              gateway keeps only to stand in for an error.
            - **acked / lost**: acknowledged writes made in the phase, and how many of them were not found as
              written at the end; the goal is 0 lost.

            %s

            ## Traffic kinds

            - Per traffic kind: rate and latency of the successful answers in `steady`, latency in the fault
              phases together, and the failures over all phases.

            %s

            ## Read-back

            """.formatted(table(PHASE_COLUMNS), table(KIND_COLUMNS));
            return new ArrayList<>(text.lines().collect(Collectors.toList()));
        }

        private static String table(String[] columns) {
            return "| " + String.join(" | ", columns) + " |\n" + "|---".repeat(columns.length) + "|";
        }
    }

    // ---- a small JSON reader ---------------------------------------------------------------------------------

    /** Enough JSON for the services' answers: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("trailing text");
            }
            return value;
        }

        static String quote(String value) {
            if (value == null) {
                return "null";
            }
            StringBuilder out = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"': out.append("\\\""); break;
                    case '\\': out.append("\\\\"); break;
                    case '\n': out.append("\\n"); break;
                    case '\r': out.append("\\r"); break;
                    case '\t': out.append("\\t"); break;
                    default:
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        }
                        else {
                            out.append(c);
                        }
                }
            }
            return out.append('"').toString();
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + at + " of: "
                    + text.substring(0, Math.min(text.length(), 300)));
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("end of text");
            }
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                return members(object, '}', () -> {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    object.put(key, value());
                });
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                return members(array, ']', () -> array.add(value()));
            }
            if (c == '"') {
                return string();
            }
            for (String word : new String[] { "true", "false", "null" }) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int from = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(from, at);
            if (number.isEmpty()) {
                throw error("unexpected character");
            }
            return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
        }

        /** The comma-separated members of an object or array, up to {@code close}. */
        private <T> T members(T container, char close, Runnable member) {
            at++;
            space();
            if (text.charAt(at) == close) {
                at++;
                return container;
            }
            do {
                member.run();
                space();
            } while (text.charAt(at++) == ',');
            if (text.charAt(at - 1) != close) {
                throw error("expected " + close);
            }
            return container;
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw error("expected " + c);
            }
            at++;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u': out.append((char) Integer.parseInt(text.substring(at, at + 4), 16)); at += 4; break;
                    default: out.append(e);
                }
            }
        }
    }
}
