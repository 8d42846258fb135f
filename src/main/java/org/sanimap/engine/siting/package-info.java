/**
 * Siting models. So far the weighted set covering problem (the location set covering problem of
 * Toregas, Swain, ReVelle and Bergman 1971, with site costs), solved exactly with OR-Tools (SCIP) and
 * checked on Beasley's OR-Library instances (Beasley 1987). MCLP and the siting API come next.
 */
package org.sanimap.engine.siting;
