package org.sanimap.progress;

import java.util.Comparator;
import java.util.List;
import org.sanimap.facility.FacilityStatus;

/** Sort orders of dashboard keys: statuses in lifecycle order, other values alphabetically, blanks last. */
final class StatusOrder {

    static final Comparator<String> VALUE_ORDER = StatusOrder::compareValues;
    static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private StatusOrder() {
    }

    private static int compareValues(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null || b.isEmpty() ? 0 : 1;
        }
        if (b == null || b.isEmpty()) {
            return -1;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra >= 0 && rb >= 0) {
            return Integer.compare(ra, rb);
        }
        return a.compareTo(b);
    }

    private static int rank(String value) {
        for (FacilityStatus s : FacilityStatus.values()) {
            if (s.code().equals(value)) {
                return s.ordinal();
            }
        }
        return -1;
    }
}
