package org.sanimap.facility;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The facility registry: the only way other features read or change facilities. */
@Service
public class FacilityService {

    private final FacilityRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FacilityService(FacilityRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Transactional(readOnly = true)
    public FacilityPage search(FacilityQuery query) {
        return repository.search(query);
    }

    /** Every facility of the given types and statuses, page by page from the store. */
    @Transactional(readOnly = true)
    public List<Facility> all(Set<FacilityType> types, Set<FacilityStatus> statuses) {
        List<Facility> out = new ArrayList<>();
        for (int page = 0;; page++) {
            FacilityPage p = search(new FacilityQuery(null, types, statuses, null, page, FacilityQuery.MAX_PAGE_SIZE));
            out.addAll(p.facilities());
            if ((long) (page + 1) * FacilityQuery.MAX_PAGE_SIZE >= p.totalCount()) {
                return out;
            }
        }
    }

    /** @throws FacilityNotFoundException when no facility has this id */
    @Transactional(readOnly = true)
    public Facility get(long id) {
        return repository.findById(id).orElseThrow(() -> new FacilityNotFoundException(id));
    }

    /**
     * Gives every facility that names no district the one {@code districtAt} finds at its position (null:
     * none), in one transaction; each change is recorded in the facility's history like an edit.
     *
     * @return how many facilities got a district, and how many that had none still have none
     */
    @Transactional
    public DistrictFill fillMissingDistricts(java.util.function.BiFunction<Double, Double, String> districtAt) {
        int filled = 0;
        int outside = 0;
        for (Facility f : all(java.util.EnumSet.allOf(FacilityType.class), java.util.EnumSet.allOf(FacilityStatus.class))) {
            FacilityAttributes a = f.attributes();
            if (a.district() != null) {
                continue;
            }
            String district = districtAt.apply(a.lonWgs84(), a.latWgs84());
            if (district == null) {
                outside++;
                continue;
            }
            update(f.id(), a.withDistrict(district), f.version());
            filled++;
        }
        return new DistrictFill(filled, outside);
    }

    @Transactional
    public Facility create(FacilityAttributes attributes) {
        if (attributes.source().key() != null && !repository.findBySourceKeys(List.of(attributes.source().key())).isEmpty()) {
            throw new IllegalArgumentException("a facility with source key '" + attributes.source().key() + "' exists already");
        }
        Facility created = repository.insert(attributes, now());
        events.publishEvent(new FacilityChanged(null, created));
        return created;
    }

    /**
     * Replaces the attributes of a facility if {@code expectedVersion} is still its version.
     *
     * @throws FacilityNotFoundException when no facility has this id
     * @throws StaleVersionException     when the stored version differs
     */
    @Transactional
    public Facility update(long id, FacilityAttributes attributes, long expectedVersion) {
        Facility current = get(id);
        if (current.version() == expectedVersion && current.attributes().status() != attributes.status()) {
            events.publishEvent(new FacilityStatusChanging(id, current.attributes().status(), attributes.status()));
        }
        if (current.version() != expectedVersion || !repository.update(id, attributes, expectedVersion, now())) {
            throw new StaleVersionException(id, expectedVersion, get(id).version());
        }
        Facility updated = get(id);
        events.publishEvent(new FacilityChanged(current, updated));
        return updated;
    }

    /**
     * Deletes a facility if {@code expectedVersion} is still its version.
     *
     * @throws FacilityNotFoundException when no facility has this id
     * @throws StaleVersionException     when the stored version differs
     */
    @Transactional
    public void delete(long id, long expectedVersion) {
        Facility current = get(id);
        if (current.version() != expectedVersion || !repository.delete(id, expectedVersion)) {
            throw new StaleVersionException(id, expectedVersion, current.version());
        }
        events.publishEvent(new FacilityChanged(current, null));
    }

    /**
     * Writes imported records in one transaction, matching existing ones by source key: new keys are
     * created, changed records updated, identical ones left alone. Either every record is written or
     * none (the caller's transaction rolls back on any failure).
     *
     * @throws IllegalArgumentException when a record has no source key or two share one
     */
    @Transactional
    public UpsertCounts upsertBySourceKey(List<FacilityAttributes> records) {
        return upsertBySourceKey(records, null);
    }

    /**
     * The same, with the date each record has had its status since as its source states it
     * ({@code statusSince.get(k)} for {@code records.get(k)}, null where the source gives none; a null list
     * for none at all). The dates go with the announcements ({@link FacilitiesImported}, and
     * {@link FacilityChanged} for a changed record), for the status timeline.
     */
    @Transactional
    public UpsertCounts upsertBySourceKey(List<FacilityAttributes> records, List<LocalDate> statusSince) {
        return upsertBySourceKey(records, statusSince, null);
    }

    /**
     * The same, saying for each record whether its source states its status ({@code statusStated.get(k)};
     * a null list: every one does). A record updating a stored facility keeps the stored values of the
     * fields it leaves empty and, when it states no status, the stored status
     * ({@link FacilityAttributes#over}): an OSM extract imported again does not undo a suspension, a
     * district or a name entered by hand.
     */
    @Transactional
    public UpsertCounts upsertBySourceKey(List<FacilityAttributes> records, List<LocalDate> statusSince,
            List<Boolean> statusStated) {
        if (statusSince != null && statusSince.size() != records.size()) {
            throw new IllegalArgumentException(statusSince.size() + " status dates for " + records.size() + " records");
        }
        if (statusStated != null && statusStated.size() != records.size()) {
            throw new IllegalArgumentException(statusStated.size() + " status flags for " + records.size() + " records");
        }
        Set<String> keys = new HashSet<>();
        for (FacilityAttributes a : records) {
            String key = a.source().key();
            if (key == null) {
                throw new IllegalArgumentException("imported record without a source key: " + a.source().detail());
            }
            if (!keys.add(key)) {
                throw new IllegalArgumentException("source key '" + key + "' appears twice (" + a.source().detail() + ")");
            }
        }
        Map<String, Facility> existing = repository.findBySourceKeys(keys);
        Instant now = now();
        List<FacilityAttributes> toCreate = new ArrayList<>();
        Map<String, LocalDate> createdSince = new HashMap<>();
        Map<Long, LocalDate> dated = new HashMap<>();
        List<Facility> unchangedDated = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
        for (int k = 0; k < records.size(); k++) {
            FacilityAttributes given = records.get(k);
            LocalDate since = statusSince == null ? null : statusSince.get(k);
            Facility stored = existing.get(given.source().key());
            FacilityAttributes a = stored == null ? given
                    : given.over(stored.attributes(), statusStated == null || statusStated.get(k));
            if (stored == null) {
                toCreate.add(a);
                if (since != null) {
                    createdSince.put(a.source().key(), since);
                }
            } else if (stored.attributes().equals(a)) {
                unchanged++;
                if (since != null) {
                    dated.put(stored.id(), since);
                    unchangedDated.add(stored);
                }
            } else {
                if (!repository.update(stored.id(), a, stored.version(), now)) {
                    throw new StaleVersionException(stored.id(), stored.version(), get(stored.id()).version());
                }
                events.publishEvent(new FacilityChanged(stored, get(stored.id()), since));
                updated++;
            }
        }
        repository.insertAll(toCreate, now);
        List<Facility> created = List.of();
        if (!toCreate.isEmpty()) {
            Map<String, Facility> byKey = repository.findBySourceKeys(toCreate.stream().map(a -> a.source().key()).toList());
            created = toCreate.stream().map(a -> byKey.get(a.source().key())).toList();
            createdSince.forEach((key, since) -> dated.put(byKey.get(key).id(), since));
        }
        if (!created.isEmpty() || !dated.isEmpty()) {
            events.publishEvent(new FacilitiesImported(created, unchangedDated, dated));
        }
        return new UpsertCounts(toCreate.size(), updated, unchanged);
    }

    /**
     * How many stored facilities have a source key starting with {@code sourcePrefix} (one file's records, e.g.
     * {@code file:ledger.csv:}) and none of {@code keys}: rows an earlier import of that file had that this one
     * no longer has. They are kept (an import never deletes facilities); the count tells the user.
     */
    @Transactional(readOnly = true)
    public int countMissingFrom(String sourcePrefix, java.util.Collection<String> keys) {
        Set<String> present = new HashSet<>(keys);
        return (int) repository.sourceKeysStartingWith(sourcePrefix).stream().filter(k -> !present.contains(k)).count();
    }

    @Transactional(readOnly = true)
    public List<String> districts() {
        return repository.districts();
    }

    /** minLon, minLat, maxLon, maxLat (degrees WGS84) of all facilities, empty when there are none. */
    @Transactional(readOnly = true)
    public Optional<double[]> extentWgs84() {
        return repository.extent();
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    private Instant now() {
        // microseconds: what both stores keep, so a read-back record equals what was written
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
