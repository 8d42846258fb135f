/**
 * Store selection and the only database-specific SQL of the product: the embedded H2GIS file store
 * (default) and PostGIS (profile {@code postgis}). Schemas are Flyway migrations per vendor under
 * {@code db/migration/h2} and {@code db/migration/postgresql}.
 */
package org.sanimap.store;
