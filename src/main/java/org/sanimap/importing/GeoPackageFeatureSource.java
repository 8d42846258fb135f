package org.sanimap.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Reads the features of one feature table of a GeoPackage (NGA geopackage-java), transforming
 * geometries to WGS84 with proj4j when the table's SRS is another EPSG code.
 */
final class GeoPackageFeatureSource {

    private GeoPackageFeatureSource() {
    }

    /**
     * @param table the feature table, or null for the only one (several refuse the file, naming them)
     * @throws ImportRejectedException when the file is no GeoPackage or has no such table
     */
    static List<SourceFeature> read(Path file, String table) {
        GeoPackage gpkg;
        try {
            // no extension check: uploads arrive as temporary files; the SQLite header was checked on detection
            gpkg = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new ImportRejectedException("not a valid GeoPackage: " + firstLine(e));
        }
        try {
            List<String> tables = gpkg.getFeatureTables();
            if (tables.isEmpty()) {
                throw new ImportRejectedException("the GeoPackage has no feature table");
            }
            if (table == null && tables.size() > 1) {
                // taking the first would import roads as districts without a word
                throw new ImportRejectedException("the GeoPackage has " + tables.size() + " feature tables " + tables
                        + "; name the one to import (table=)");
            }
            String name = table == null ? tables.get(0) : table;
            if (!tables.contains(name)) {
                throw new ImportRejectedException("the GeoPackage has no feature table '" + name + "'; it has " + tables);
            }
            FeatureDao dao = gpkg.getFeatureDao(name);
            CoordinateFilter toWgs84 = transformToWgs84(dao.getSrs());
            String geometryColumn = dao.getGeometryColumnName();
            List<SourceFeature> features = new ArrayList<>();
            WKBReader wkb = new WKBReader();
            List<String> errors = new ArrayList<>();
            FeatureResultSet rs = dao.queryForAll();
            try {
                int number = 0;
                while (rs.moveToNext()) {
                    number++;
                    FeatureRow row = rs.getRow();
                    Map<String, String> props = new LinkedHashMap<>();
                    for (String column : row.getColumnNames()) {
                        if (column.equals(geometryColumn)) {
                            continue;
                        }
                        Object v = row.getValue(column);
                        if (v != null) {
                            props.put(column, v.toString());
                        }
                    }
                    Geometry geometry = null;
                    GeoPackageGeometryData data = row.getGeometry();
                    if (data != null && !data.isEmpty()) {
                        try {
                            geometry = wkb.read(data.getWkb());
                            if (toWgs84 != null) {
                                geometry.apply(toWgs84);
                                geometry.geometryChanged();
                            }
                        } catch (Exception e) {
                            errors.add("invalid geometry at feature " + number + ": " + firstLine(e));
                            continue;
                        }
                    }
                    features.add(new SourceFeature(number, Long.toString(row.getId()), props, geometry));
                }
            } finally {
                rs.close();
            }
            if (!errors.isEmpty()) {
                throw new ImportRejectedException(errors);
            }
            return features;
        } catch (ImportRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ImportRejectedException("could not read the GeoPackage: " + firstLine(e));
        } finally {
            gpkg.close();
        }
    }

    /** Null when the SRS is already WGS84 lon/lat (EPSG:4326 or 4490, or undefined). */
    private static CoordinateFilter transformToWgs84(SpatialReferenceSystem srs) {
        if (srs == null || srs.getOrganization() == null || !srs.getOrganization().equalsIgnoreCase("EPSG")) {
            return null;
        }
        long code = srs.getOrganizationCoordsysId();
        if (code == 4326 || code == 4490 || code <= 0) {
            return null;
        }
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem source;
        try {
            source = crs.createFromName("EPSG:" + code);
        } catch (RuntimeException e) {
            throw new ImportRejectedException("unsupported GeoPackage coordinate system EPSG:" + code);
        }
        CoordinateTransform t = new CoordinateTransformFactory().createTransform(source, crs.createFromName("EPSG:4326"));
        return (Coordinate c) -> {
            ProjCoordinate out = new ProjCoordinate();
            t.transform(new ProjCoordinate(c.x, c.y), out);
            c.x = out.x;
            c.y = out.y;
        };
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
