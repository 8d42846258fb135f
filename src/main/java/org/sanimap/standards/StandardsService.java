package org.sanimap.standards;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sanimap.facility.FacilityType;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The standards catalogue: list, add, edit and activate rules; the active radius per facility type. */
@Service
public class StandardsService {

    static final String DEFAULT_CATALOGUE = "data/standards/standards.csv";

    private final StandardsRepository repository;

    StandardsService(StandardsRepository repository) {
        this.repository = repository;
    }

    /** Loads the default catalogue when the store has no rule yet; returns how many were loaded. */
    @Transactional
    public int seedIfEmpty() {
        if (repository.count() > 0) {
            return 0;
        }
        try (Reader in = new InputStreamReader(new ClassPathResource(DEFAULT_CATALOGUE).getInputStream(), StandardCharsets.UTF_8)) {
            List<StandardRule> rules = StandardsCatalogueReader.read(in);
            Instant now = now();
            rules.forEach(r -> repository.insert(r, now));
            return rules.size();
        } catch (IOException e) {
            throw new UncheckedIOException("the default standards catalogue cannot be read", e);
        }
    }

    /** Rules, optionally only of one type, one kind, or the active ones. */
    @Transactional(readOnly = true)
    public List<StoredRule> list(FacilityType type, RuleKind kind, boolean activeOnly) {
        return repository.all().stream()
                .filter(r -> type == null || r.rule().facilityType() == type)
                .filter(r -> kind == null || r.rule().kind() == kind)
                .filter(r -> !activeOnly || r.rule().active())
                .toList();
    }

    @Transactional(readOnly = true)
    public StoredRule get(long id) {
        return repository.find(id).orElseThrow(() -> new RuleNotFoundException(id));
    }

    @Transactional
    public StoredRule create(StandardRule rule) {
        if (repository.findByCode(rule.code()).isPresent()) {
            throw new IllegalArgumentException("a standard rule with code '" + rule.code() + "' exists already");
        }
        repository.insert(rule, now());
        return repository.findByCode(rule.code()).orElseThrow();
    }

    @Transactional
    public StoredRule update(long id, StandardRule rule, long expectedVersion) {
        StoredRule current = get(id);
        repository.findByCode(rule.code()).filter(other -> other.id() != id).ifPresent(other -> {
            throw new IllegalArgumentException("a standard rule with code '" + rule.code() + "' exists already");
        });
        if (current.version() != expectedVersion || !repository.update(id, rule, expectedVersion, now())) {
            throw new StaleRuleException(id, expectedVersion, get(id).version());
        }
        return get(id);
    }

    /** The active radius rule of a type (the earliest stored when several are active). */
    @Transactional(readOnly = true)
    public Optional<StoredRule> activeRadius(FacilityType type) {
        return list(type, RuleKind.RADIUS, true).stream().min(Comparator.comparingLong(StoredRule::id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
