package org.sanimap.engine.siting;

import java.io.IOException;
import java.io.Reader;
import java.io.StreamTokenizer;

/**
 * Reads Beasley's OR-Library set covering format (Beasley 1987; scp4x..scpex): the number of rows m
 * and columns n, the n column costs, then for each row the number k of columns covering it followed
 * by the k 1-based column numbers. Whitespace and line breaks are free.
 */
public final class OrLibraryScpReader {

    private OrLibraryScpReader() {
    }

    /** @throws IllegalArgumentException when the text does not follow the format */
    public static SetCoverInstance read(Reader in) throws IOException {
        StreamTokenizer tokens = new StreamTokenizer(in);
        tokens.resetSyntax();
        tokens.whitespaceChars(0, ' ');
        tokens.wordChars('!', '~');
        int m = integer(tokens, "number of rows");
        int n = integer(tokens, "number of columns");
        double[] costs = new double[n];
        for (int j = 0; j < n; j++) {
            costs[j] = integer(tokens, "cost of column " + (j + 1));
        }
        int[][] rows = new int[m][];
        for (int i = 0; i < m; i++) {
            int k = integer(tokens, "column count of row " + (i + 1));
            rows[i] = new int[k];
            for (int c = 0; c < k; c++) {
                rows[i][c] = integer(tokens, "column of row " + (i + 1)) - 1;
            }
        }
        return new SetCoverInstance(m, costs, rows);
    }

    private static int integer(StreamTokenizer tokens, String what) throws IOException {
        if (tokens.nextToken() != StreamTokenizer.TT_WORD) {
            throw new IllegalArgumentException("expected the " + what + " at line " + tokens.lineno() + ", found the end");
        }
        try {
            return Integer.parseInt(tokens.sval);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected the " + what + " at line " + tokens.lineno() + ", found '" + tokens.sval + "'");
        }
    }
}
