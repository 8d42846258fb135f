/**
 * The facility registry: domain types, the public {@link org.sanimap.facility.FacilityService},
 * its repository and its REST controller ({@code /api/facilities}).
 */
package org.sanimap.facility;
