/**
 * Engine packages: pure Java and JTS computations (coordinate systems, coverage, network distance,
 * siting). No Spring, no SQL, no JSON; deterministic and usable from the command line.
 */
package org.sanimap.engine;
