package org.sanimap.ledger;

/**
 * What importing a ledger did.
 *
 * @param fileName        the uploaded file's name
 * @param rows            data rows read
 * @param created         new planned facilities added from rows without 设施编号
 * @param transitions     status changes applied as lifecycle transitions
 * @param progressChanges rows whose progress percent, planned dates or remark changed
 * @param registryChanges rows whose district, address, position or responsible unit changed
 * @param unchanged       rows that changed nothing
 */
public record LedgerImportReport(String fileName, int rows, int created, int transitions, int progressChanges, int registryChanges,
        int unchanged) {
}
