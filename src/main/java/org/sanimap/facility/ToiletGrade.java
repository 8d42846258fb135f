package org.sanimap.facility;

import java.util.Locale;

/** Grade of a public toilet under CJJ 14 (I is the highest). */
public enum ToiletGrade {
    I,
    II,
    III;

    /**
     * Parses "I", "II", "III" (also 1, 2, 3 and Chinese 一类/二类/三类).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static ToiletGrade fromCode(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        switch (c) {
            case "I", "1", "一类", "一", "一级":
                return I;
            case "II", "2", "二类", "二", "二级":
                return II;
            case "III", "3", "三类", "三", "三级":
                return III;
            default:
                throw new IllegalArgumentException("unknown toilet grade '" + code + "'; expected one of I, II, III");
        }
    }
}
