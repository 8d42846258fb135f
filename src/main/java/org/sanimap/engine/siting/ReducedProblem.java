package org.sanimap.engine.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A siting problem after exact reductions that never change the optimal objective:
 * <ol>
 *   <li>demand covered by existing facilities, of weight 0, or with no candidate in reach leaves the
 *       model (the last is reported: it can never be covered);</li>
 *   <li>demand units covered by exactly the same candidates become one row with the summed weight;</li>
 *   <li>a candidate whose rows are a subset of another candidate's rows is dominated and dropped
 *       (swapping it for its dominator never loses coverage; of equal candidates the lowest index
 *       stays), and rows are merged again;</li>
 *   <li>for full set covering only: a row whose candidates include all of another row's candidates is
 *       implied by that row and dropped.</li>
 * </ol>
 * Rows and columns refer to the reduced model; {@link #column} maps a column back to its candidate.
 */
final class ReducedProblem {

    final double[] rowWeight;
    final int[][] rowCols;
    final int[][] colRows;
    final int[] column;
    final double existingWeight;
    final double unreachableWeight;
    final int unreachableCount;
    final int firstUnreachable;
    final double reachableWeight;

    private ReducedProblem(double[] rowWeight, int[][] rowCols, int[] column, double existingWeight,
            double unreachableWeight, int unreachableCount, int firstUnreachable) {
        this.rowWeight = rowWeight;
        this.rowCols = rowCols;
        this.column = column;
        this.colRows = transpose(rowCols, column.length);
        this.existingWeight = existingWeight;
        this.unreachableWeight = unreachableWeight;
        this.unreachableCount = unreachableCount;
        this.firstUnreachable = firstUnreachable;
        this.reachableWeight = Arrays.stream(rowWeight).sum();
    }

    int rowCount() {
        return rowWeight.length;
    }

    int colCount() {
        return column.length;
    }

    /** (row, column) pairs: the coverage matrix's non-zeros. */
    long pairCount() {
        long pairs = 0;
        for (int[] rows : colRows) {
            pairs += rows.length;
        }
        return pairs;
    }

    /** Sets {@code count[r]} to the number of open columns that cover row r. */
    void countOpen(boolean[] open, int[] count) {
        Arrays.fill(count, 0);
        for (int j = 0; j < open.length; j++) {
            if (open[j]) {
                for (int r : colRows[j]) {
                    count[r]++;
                }
            }
        }
    }

    /** The indexes of the true entries of {@code open}, ascending; {@code size} is their number. */
    static int[] openColumns(boolean[] open, int size) {
        int[] out = new int[size];
        int k = 0;
        for (int j = 0; j < open.length; j++) {
            if (open[j]) {
                out[k++] = j;
            }
        }
        return out;
    }

    /** Weight of the rows that the columns of {@code selection} cover, summed in row order. */
    double covered(int[] selection) {
        boolean[] hit = new boolean[rowCount()];
        for (int j : selection) {
            for (int r : colRows[j]) {
                hit[r] = true;
            }
        }
        double sum = 0;
        for (int r = 0; r < hit.length; r++) {
            if (hit[r]) {
                sum += rowWeight[r];
            }
        }
        return sum;
    }

    /** Reduces for maximal covering ({@code impliedRows} false) or full set covering (true). */
    static ReducedProblem of(SitingProblem problem, boolean impliedRows) {
        return of(problem, impliedRows, null);
    }

    /**
     * Reduces with candidates in capped groups ({@link SitingQuotas}; null: none): a candidate is dominated
     * only by one of its own group or of no group, so that swapping it for its dominator keeps every cap.
     */
    static ReducedProblem of(SitingProblem problem, boolean impliedRows, int[] groupOfCandidate) {
        return of(problem, impliedRows, groupOfCandidate, true);
    }

    /**
     * @param dropDominated false keeps dominated candidates (with conflicts between candidates, the dominator may
     *                      conflict where the dominated one does not); candidates covering nothing still go
     */
    static ReducedProblem of(SitingProblem problem, boolean impliedRows, int[] groupOfCandidate, boolean dropDominated) {
        int[][] candidatesOf = problem.coverage().candidatesOfDemandView();
        double existing = 0;
        double unreachable = 0;
        int unreachableCount = 0;
        int firstUnreachable = -1;
        List<int[]> lists = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < problem.demandCount(); i++) {
            double w = problem.weight(i);
            if (problem.isCoveredByExisting(i)) {
                existing += w;
            } else if (w <= 0) {
                continue;
            } else if (candidatesOf[i].length == 0) {
                unreachable += w;
                unreachableCount++;
                if (firstUnreachable < 0) {
                    firstUnreachable = i;
                }
            } else {
                lists.add(candidatesOf[i]);
                weights.add(w);
            }
        }
        int[][] rows = lists.toArray(new int[0][]);
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        // merge identical rows, drop dominated columns, merge again
        Merged m = merge(rows, w);
        int candidateCount = problem.candidateCount();
        boolean[] keep = dropDominated ? undominatedColumns(m.rows, candidateCount, groupOfCandidate)
                : coveringColumns(m.rows, candidateCount);
        int[] newIndex = new int[candidateCount];
        int kept = 0;
        for (int j = 0; j < candidateCount; j++) {
            newIndex[j] = keep[j] ? kept++ : -1;
        }
        int[] column = new int[kept];
        for (int j = 0; j < candidateCount; j++) {
            if (keep[j]) {
                column[newIndex[j]] = j;
            }
        }
        int[][] renumbered = new int[m.rows.length][];
        for (int r = 0; r < m.rows.length; r++) {
            renumbered[r] = Arrays.stream(m.rows[r]).filter(j -> keep[j]).map(j -> newIndex[j]).toArray();
        }
        Merged again = merge(renumbered, m.weights);
        int[][] finalRows = again.rows;
        double[] finalWeights = again.weights;
        if (impliedRows) {
            boolean[] implied = impliedRows(finalRows, kept);
            List<int[]> r2 = new ArrayList<>();
            List<Double> w2 = new ArrayList<>();
            for (int r = 0; r < finalRows.length; r++) {
                if (!implied[r]) {
                    r2.add(finalRows[r]);
                    w2.add(finalWeights[r]);
                }
            }
            finalRows = r2.toArray(new int[0][]);
            finalWeights = w2.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new ReducedProblem(finalWeights, finalRows, column, existing, unreachable, unreachableCount, firstUnreachable);
    }

    private record Merged(int[][] rows, double[] weights) {
    }

    private static Merged merge(int[][] rows, double[] weights) {
        Map<Key, Integer> index = new HashMap<>(rows.length * 2);
        List<int[]> outRows = new ArrayList<>();
        List<double[]> outWeights = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length == 0) {
                continue;
            }
            Key k = new Key(rows[r]);
            Integer at = index.get(k);
            if (at == null) {
                index.put(k, outRows.size());
                outRows.add(rows[r]);
                outWeights.add(new double[] {weights[r]});
            } else {
                outWeights.get(at)[0] += weights[r];
            }
        }
        return new Merged(outRows.toArray(new int[0][]), outWeights.stream().mapToDouble(a -> a[0]).toArray());
    }

    /**
     * Columns not dominated by another column (rows(j) ⊆ rows(k); equal sets keep the lower index), k being
     * of j's group or of none when there are groups.
     */
    private static boolean[] undominatedColumns(int[][] rows, int colCount, int[] group) {
        int[][] colRows = transpose(rows, colCount);
        boolean[] keep = new boolean[colCount];
        for (int j = 0; j < colCount; j++) {
            int[] mine = colRows[j];
            if (mine.length == 0) {
                continue;
            }
            int pivot = mine[0];
            for (int r : mine) {
                if (rows[r].length < rows[pivot].length) {
                    pivot = r;
                }
            }
            boolean dominated = false;
            for (int k : rows[pivot]) {
                if (k == j) {
                    continue;
                }
                int[] theirs = colRows[k];
                if (theirs.length < mine.length || (theirs.length == mine.length && k > j)
                        || (group != null && group[k] >= 0 && group[k] != group[j])) {
                    continue;
                }
                if (isSubset(mine, theirs)) {
                    dominated = true;
                    break;
                }
            }
            keep[j] = !dominated;
        }
        return keep;
    }

    /** Columns that cover at least one row. */
    private static boolean[] coveringColumns(int[][] rows, int colCount) {
        boolean[] keep = new boolean[colCount];
        for (int[] row : rows) {
            for (int j : row) {
                keep[j] = true;
            }
        }
        return keep;
    }

    /** Rows whose columns include all columns of another row (equal rows were merged already). */
    private static boolean[] impliedRows(int[][] rows, int colCount) {
        int[][] colRows = transpose(rows, colCount);
        boolean[] implied = new boolean[rows.length];
        // a row k ⊆ row i holds only columns of i, so it is among the rows of i's columns
        for (int i = 0; i < rows.length; i++) {
            search:
            for (int j : rows[i]) {
                for (int k : colRows[j]) {
                    if (k != i && !implied[k] && rows[k].length < rows[i].length && isSubset(rows[k], rows[i])) {
                        implied[i] = true;
                        break search;
                    }
                }
            }
        }
        return implied;
    }

    static boolean isSubset(int[] small, int[] big) {
        int b = 0;
        for (int v : small) {
            while (b < big.length && big[b] < v) {
                b++;
            }
            if (b == big.length || big[b] != v) {
                return false;
            }
            b++;
        }
        return true;
    }

    static int[][] transpose(int[][] rows, int colCount) {
        int[] degree = new int[colCount];
        for (int[] row : rows) {
            for (int j : row) {
                degree[j]++;
            }
        }
        int[][] cols = new int[colCount][];
        for (int j = 0; j < colCount; j++) {
            cols[j] = new int[degree[j]];
        }
        int[] fill = new int[colCount];
        for (int r = 0; r < rows.length; r++) {
            for (int j : rows[r]) {
                cols[j][fill[j]++] = r;
            }
        }
        return cols;
    }

    private record Key(int[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
