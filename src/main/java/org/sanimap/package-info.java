/**
 * Sanimap: registry, coverage analysis and siting of urban sanitation facilities.
 *
 * <p>Feature packages ({@code facility}, {@code importing}, ...) each hold their controller, service
 * and repository; {@code store} is the only place with database-specific SQL; {@code engine}
 * packages are pure Java and JTS.
 */
package org.sanimap;
