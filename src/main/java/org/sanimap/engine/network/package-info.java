/**
 * Walking distance: a pedestrian graph built from OpenStreetMap ways under foot access rules,
 * points snapped to it (the off-network leg counts), and one multi-source bounded shortest-path
 * search from all facilities at once (Dijkstra 1959), giving walking coverage.
 */
package org.sanimap.engine.network;
