/**
 * The siting feature: {@code /api/siting} runs the siting engine on the registry, the demand layer, the
 * active standard and generated or given candidate sites, asynchronously with progress and
 * cancellation, and turns accepted proposals into planned facilities.
 */
package org.sanimap.siting;
