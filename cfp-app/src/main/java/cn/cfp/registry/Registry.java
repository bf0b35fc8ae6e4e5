package cn.cfp.registry;

import cn.cfp.shared.Paging;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public registry [R-PUB-1, decision D4]: a certificate by its number, the search, and renderings of an entry kept in
 * memory so the QR target answers fast [issue 10 item 7, "fast"].
 *
 * <p>The cache holds, per number, the entry derived for one day and its renderings (the page per language, the JSON).
 * It is never wrong: the event listener drops a number after its transaction committed (a status change shows on the
 * next request), an entry derived for another day is derived again (expiry and decisions taking effect later follow
 * the injected clock), and a reader that loaded while an update committed does not store what it read. The cache is
 * bounded ({@code cfp.registry.cache-entries}); beyond it, entries are dropped and read again from the database.
 */
@Service
public class Registry {

    private final RegistryRepository repository;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    /** Moves on at every eviction: a load that began before one does not enter the cache. */
    private final AtomicLong evictions = new AtomicLong();

    Registry(RegistryRepository repository, Clock clock, @Value("${cfp.registry.cache-entries:20000}") int maxEntries) {
        this.repository = repository;
        this.clock = clock;
        this.maxEntries = Math.max(1, maxEntries);
    }

    /** The day the registry speaks for (the injected clock's date). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The certificate with exactly this number (as issued), as it stands today. */
    public Optional<RegistryEntry> find(String number) {
        return cached(number).map(Cached::entry);
    }

    /** The number as issued for any spelling of it (with or without hyphens, any case) [R-PUB-1: the QR target]. */
    @Transactional(readOnly = true)
    public Optional<String> canonical(String anySpelling) {
        if (anySpelling == null || anySpelling.length() > 64) {
            return Optional.empty();
        }
        return repository.canonical(anySpelling);
    }

    /**
     * A rendering of the entry ({@code kind}: e.g. {@code html-zh}, {@code json}), made once per number, day and kind and
     * then served from memory until the number changes; empty for an unknown number.
     */
    public Optional<byte[]> rendered(String number, String kind, Function<RegistryEntry, byte[]> render) {
        return cached(number).map(c -> c.renderings().computeIfAbsent(kind, k -> render.apply(c.entry())));
    }

    /**
     * A rendering already in memory for today, without touching the database (the fast path of the QR target); empty
     * when the number, its entry of today or this rendering is not cached (the caller then takes the ordinary way).
     */
    public Optional<byte[]> cachedRendering(String number, String kind) {
        Cached hit = cache.get(number);
        if (hit == null || !hit.day().equals(today())) {
            return Optional.empty();
        }
        return Optional.ofNullable(hit.renderings().get(kind));
    }

    /** The certificates matching the search, as they stand today, newest issue first [R-PUB-1]. */
    public Paging.Page<RegistryEntry> search(RegistrySearch search, Paging paging) {
        Paging.Page<String> numbers = repository.search(search, today(), paging);
        return new Paging.Page<>(numbers.items().stream().map(this::find).flatMap(Optional::stream).toList(), numbers.total());
    }

    /** The scheme codes that have published certificates. */
    public List<String> schemes() {
        return repository.schemes();
    }

    /** Drops the number's cached entry and renderings (called after an update of it committed). */
    void evict(String number) {
        cache.compute(number, (k, old) -> {
            evictions.incrementAndGet();
            return null;
        });
    }

    /** Everything cached goes (tests, the benchmark's seeding). */
    void evictAll() {
        evictions.incrementAndGet();
        cache.clear();
    }

    /** Reads an entry from the database without caching it (the open-data export walks every certificate). */
    Optional<RegistryEntry> load(String number, LocalDate day) {
        return repository.find(number, day);
    }

    private Optional<Cached> cached(String number) {
        if (number == null || number.length() > 64) {
            return Optional.empty();
        }
        LocalDate today = today();
        Cached hit = cache.get(number);
        if (hit != null && hit.day().equals(today)) {
            return Optional.of(hit);
        }
        long before = evictions.get();
        Optional<RegistryEntry> loaded = repository.find(number, today);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        Cached fresh = new Cached(today, loaded.get(), new ConcurrentHashMap<>(4));
        if (cache.size() >= maxEntries && !cache.containsKey(number)) {
            Iterator<String> any = cache.keySet().iterator();
            if (any.hasNext()) {
                cache.remove(any.next());
            }
        }
        cache.compute(number, (k, old) -> evictions.get() == before ? fresh : old);
        return Optional.of(fresh);
    }

    private record Cached(LocalDate day, RegistryEntry entry, ConcurrentHashMap<String, byte[]> renderings) {
    }
}
