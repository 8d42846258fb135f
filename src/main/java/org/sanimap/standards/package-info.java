/**
 * The standards catalogue: service radius, spacing and density rules per facility type and area
 * class, each with its source and confidence, seeded from {@code data/standards/standards.csv} and
 * edited through {@code /api/standards}.
 */
package org.sanimap.standards;
