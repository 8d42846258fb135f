/**
 * Siting models solved exactly with SCIP from OR-Tools: the weighted set covering problem (the location
 * set covering problem of Toregas, Swain, ReVelle and Bergman 1971, with site costs), checked on
 * Beasley's OR-Library instances (Beasley 1987), and the maximal covering location problem (Church and
 * ReVelle 1974), checked on the NewYork instance. Heuristics, existing facilities and the siting API
 * come next.
 */
package org.sanimap.engine.siting;
