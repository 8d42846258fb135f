package org.sanimap.demand;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sanimap.facility.UpsertCounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Demand (population) layers and planning-area (district) polygons. */
@Service
public class DemandService {

    private final DemandRepository repository;

    DemandService(DemandRepository repository) {
        this.repository = repository;
    }

    /**
     * Writes the cells of a layer in one transaction, matched by cell key: new cells are created,
     * changed ones updated, identical ones left alone.
     */
    @Transactional
    public UpsertCounts upsertLayer(String layerName, String sourceDetail, List<DemandCell> cells) {
        requireName(layerName, "demand layer");
        Set<String> keys = new HashSet<>();
        for (DemandCell c : cells) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("demand cell id '" + c.key() + "' appears twice");
            }
        }
        long layerId = repository.layerId(layerName, sourceDetail, now());
        return repository.upsertCells(layerId, cells);
    }

    /** Writes planning areas of a layer in one transaction, matched by name. */
    @Transactional
    public UpsertCounts upsertPlanningAreas(String layerName, List<PlanningArea> areas) {
        requireName(layerName, "district layer");
        Set<String> names = new HashSet<>();
        for (PlanningArea a : areas) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("planning area name '" + a.name() + "' appears twice");
            }
        }
        return repository.upsertAreas(layerName, areas, now());
    }

    /** Cells of one layer (or all layers when null), optionally within a WGS84 bbox. */
    @Transactional(readOnly = true)
    public List<DemandCell> cells(String layerName, double[] bboxWgs84) {
        return repository.cells(layerName, bboxWgs84);
    }

    @Transactional(readOnly = true)
    public List<DemandLayerSummary> layers() {
        return repository.layers();
    }

    /** All planning areas of all layers. */
    @Transactional(readOnly = true)
    public List<PlanningArea> planningAreas() {
        return repository.areas().stream().map(DemandRepository.NamedArea::area).toList();
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " name is required");
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException(what + " name longer than 200 characters");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
