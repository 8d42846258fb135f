/**
 * Ledgers (台账): the construction progress of projects as the XLSX or CSV table bureaus keep, one
 * row per facility, exported and imported through {@code /api/ledger}. An import applies status
 * changes as lifecycle transitions, all rows or none.
 */
package org.sanimap.ledger;
