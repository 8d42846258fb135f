/**
 * Coverage gap analysis of the registry against a service radius: the {@code /api/coverage} endpoints
 * and the {@link org.sanimap.coverage.CoverageReport} shape shared with the command line.
 */
package org.sanimap.coverage;
