package org.sanimap.engine.siting;

import java.util.Arrays;

/**
 * A weighted set covering instance: rows (demand units) that must each be covered by at least one
 * chosen column (candidate site), columns with a cost. Sparse: only the columns that cover each row
 * are stored.
 *
 * @param rowCount     number of rows
 * @param columnCosts  cost of each column, positive
 * @param rowColumns   for each row, the 0-based columns that cover it (non-empty)
 */
public record SetCoverInstance(int rowCount, double[] columnCosts, int[][] rowColumns) {

    public SetCoverInstance {
        if (rowColumns.length != rowCount) {
            throw new IllegalArgumentException("expected " + rowCount + " rows, got " + rowColumns.length);
        }
        columnCosts = columnCosts.clone();
        int[][] copy = new int[rowCount][];
        for (int i = 0; i < rowCount; i++) {
            if (rowColumns[i].length == 0) {
                throw new IllegalArgumentException("row " + (i + 1) + " is covered by no column: the instance is infeasible");
            }
            for (int j : rowColumns[i]) {
                if (j < 0 || j >= columnCosts.length) {
                    throw new IllegalArgumentException("row " + (i + 1) + " names column " + (j + 1) + " of " + columnCosts.length);
                }
            }
            copy[i] = rowColumns[i].clone();
        }
        rowColumns = copy;
    }

    public int columnCount() {
        return columnCosts.length;
    }

    @Override
    public double[] columnCosts() {
        return columnCosts.clone();
    }

    /** The columns covering a row (a copy). */
    public int[] columnsOf(int row) {
        return rowColumns[row].clone();
    }

    @Override
    public int[][] rowColumns() {
        int[][] copy = new int[rowCount][];
        for (int i = 0; i < rowCount; i++) {
            copy[i] = rowColumns[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetCoverInstance other && rowCount == other.rowCount
                && Arrays.equals(columnCosts, other.columnCosts) && Arrays.deepEquals(rowColumns, other.rowColumns);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(columnCosts) + Arrays.deepHashCode(rowColumns);
    }

    @Override
    public String toString() {
        return "SetCoverInstance[" + rowCount + " rows x " + columnCosts.length + " columns]";
    }
}
