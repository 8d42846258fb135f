package org.sanimap.demand;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.facility.DistrictFill;
import org.sanimap.facility.FacilityService;
import org.sanimap.facility.UpsertCounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Demand (population) layers and planning-area (district) polygons. */
@Service
public class DemandService {

    private final DemandRepository repository;
    private final FacilityService facilities;

    DemandService(DemandRepository repository, FacilityService facilities) {
        this.repository = repository;
        this.facilities = facilities;
    }

    /**
     * Gives every facility that names no district the area of this layer it lies in (a spatial join of the
     * registry), recorded in each facility's history.
     *
     * @throws LayerNotFoundException when no layer has this name
     */
    @Transactional
    public DistrictFill assignFacilityDistricts(String layer) {
        if (!districtLayerNames().contains(layer)) {
            throw new LayerNotFoundException("district", layer, districtLayerNames());
        }
        DistrictAssigner areas = assigner(layer);
        return facilities.fillMissingDistricts(areas::districtOf);
    }

    /**
     * Writes the cells of a layer in one transaction, matched by cell key: new cells are created,
     * changed ones updated, identical ones left alone, and cells the new set does not hold removed (a
     * population file replaces its layer, so a new grid never adds to an old one).
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

    /**
     * Deletes a demand layer and its cells.
     *
     * @throws LayerNotFoundException when no layer has this name
     */
    @Transactional
    public void deleteLayer(String layerName) {
        if (!repository.deleteLayer(layerName)) {
            throw new LayerNotFoundException("demand", layerName, layers().stream().map(DemandLayerSummary::name).toList());
        }
    }

    /** The stored layers of planning areas with their area counts, by name. */
    @Transactional(readOnly = true)
    public List<PlanningAreaLayerSummary> planningAreaLayers() {
        return repository.areaLayers();
    }

    /**
     * Deletes a layer of planning areas; returns how many areas went.
     *
     * @throws LayerNotFoundException when no layer has this name
     */
    @Transactional
    public int deletePlanningAreaLayer(String layerName) {
        int deleted = repository.deleteAreaLayer(layerName);
        if (deleted == 0) {
            throw new LayerNotFoundException("district", layerName, districtLayerNames());
        }
        return deleted;
    }

    /**
     * Writes planning areas of a layer in one transaction, matched by name; areas the new set does not
     * hold are removed (a district file replaces its layer).
     */
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

    /** The names of all planning areas of all layers, each once, in code-point order; no polygons are read. */
    @Transactional(readOnly = true)
    public List<String> planningAreaNames() {
        return repository.areaNames().stream().distinct().sorted().toList();
    }

    /**
     * The planning areas of one layer, or of every layer when {@code layer} is null.
     *
     * @throws IllegalArgumentException when no layer has this name
     */
    @Transactional(readOnly = true)
    public List<PlanningArea> planningAreas(String layer) {
        if (layer == null) {
            return planningAreas();
        }
        List<PlanningArea> areas = repository.areas(layer);
        if (areas.isEmpty()) {
            throw unknownDistrictLayer(layer);
        }
        return areas;
    }

    /**
     * Puts positions into the planning areas of one layer ({@code null}: of every layer, the first area
     * holding a point taking it).
     *
     * @throws IllegalArgumentException when no layer has this name
     */
    @Transactional(readOnly = true)
    public DistrictAssigner assigner(String layer) {
        return new DistrictAssigner(namedAreas(layer));
    }

    /**
     * The planning areas of one layer ({@code null}: of every layer) as the engine takes them.
     *
     * @throws IllegalArgumentException when no layer has this name
     */
    @Transactional(readOnly = true)
    public List<DistrictAssigner.NamedArea> namedAreas(String layer) {
        return planningAreas(layer).stream().map(a -> new DistrictAssigner.NamedArea(a.name(), a.areaWgs84())).toList();
    }

    /**
     * The layer that names the district a facility lies in: the one asked for, else the only stored layer;
     * empty when there is no layer, or several and none was asked for.
     *
     * @throws IllegalArgumentException when no layer has the name asked for
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> layerForFacilityDistricts(String requested) {
        List<String> names = districtLayerNames();
        if (requested != null && !requested.isBlank()) {
            if (!names.contains(requested.trim())) {
                throw unknownDistrictLayer(requested.trim());
            }
            return java.util.Optional.of(requested.trim());
        }
        return names.size() == 1 ? java.util.Optional.of(names.get(0)) : java.util.Optional.empty();
    }

    /** A query naming a district layer that is not stored (a 400, unlike a path's {@link LayerNotFoundException}). */
    private IllegalArgumentException unknownDistrictLayer(String layer) {
        return new IllegalArgumentException(new LayerNotFoundException("district", layer, districtLayerNames()).getMessage());
    }

    private List<String> districtLayerNames() {
        return repository.areaLayers().stream().map(PlanningAreaLayerSummary::name).toList();
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

    /**
     * The name of the requested demand layer, or of the only one when none is requested.
     *
     * @throws IllegalArgumentException when it does not exist, none is loaded, or several are and none was named
     */
    public String resolveLayer(String requested) {
        List<DemandLayerSummary> layers = layers();
        if (requested != null && !requested.isBlank()) {
            return layers.stream().map(DemandLayerSummary::name).filter(requested::equals).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("demand layer '" + requested + "' not found; there are "
                            + layers.stream().map(DemandLayerSummary::name).toList()));
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no demand layer is loaded; import one with POST /api/imports target=demand");
        }
        if (layers.size() > 1) {
            throw new IllegalArgumentException("several demand layers are loaded " + layers.stream()
                    .map(DemandLayerSummary::name).toList() + "; choose one with layer=");
        }
        return layers.get(0).name();
    }
}
