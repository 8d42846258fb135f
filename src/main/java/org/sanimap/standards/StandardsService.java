package org.sanimap.standards;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.engine.coverage.RadiusZones;
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

    /**
     * The radii the type's active radius rules give to the areas of a zone layer: an area named after a rule's
     * area class (compared ignoring case, spaces, hyphens and underscores) is a zone served within that rule's
     * radius (the smallest when several rules name it).
     *
     * @param areas the zone layer's areas
     */
    @Transactional(readOnly = true)
    public RadiusZoning radiusZones(FacilityType type, List<DistrictAssigner.NamedArea> areas) {
        List<StoredRule> rules = list(type, RuleKind.RADIUS, true).stream().filter(r -> r.rule().maxValue() != null)
                .sorted(Comparator.comparingLong(StoredRule::id)).toList();
        List<RadiusZones.Zone> zones = new ArrayList<>();
        Map<String, String> ruleOfZone = new LinkedHashMap<>();
        List<String> withoutRule = new ArrayList<>();
        Set<Long> zoneRules = new HashSet<>();
        for (DistrictAssigner.NamedArea area : areas) {
            StoredRule best = null;
            for (StoredRule r : rules) {
                if (r.rule().areaClass() != null && key(r.rule().areaClass()).equals(key(area.name()))
                        && (best == null || r.rule().maxValue() < best.rule().maxValue())) {
                    best = r;
                }
            }
            if (best == null) {
                withoutRule.add(area.name());
            } else {
                zones.add(new RadiusZones.Zone(area.name(), area.areaWgs84(), best.rule().maxValue()));
                ruleOfZone.put(area.name(), best.rule().code());
                zoneRules.add(best.id());
            }
        }
        StoredRule fallback = rules.stream().filter(r -> !zoneRules.contains(r.id())).findFirst()
                .orElse(rules.isEmpty() ? null : rules.get(0));
        return new RadiusZoning(type, new RadiusZones(zones), ruleOfZone, withoutRule, fallback,
                rules.stream().map(r -> r.rule().areaClass()).filter(java.util.Objects::nonNull).distinct().toList());
    }

    /** An area class or zone name as compared: lower case, without spaces, hyphens and underscores. */
    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
