package org.sanimap.progress;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a project is paid for. */
public enum FundingModel {
    /** Government budget (财政投资). */
    GOVERNMENT,
    /** Public-private partnership (PPP). */
    PPP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code government}, {@code ppp} (also 政府, 财政, PPP). */
    public static FundingModel fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "government", "政府", "财政", "政府投资", "财政投资" -> GOVERNMENT;
            case "ppp" -> PPP;
            default -> throw new IllegalArgumentException("unknown funding model '" + code + "'; expected one of " + codes());
        };
    }

    public static String codes() {
        return Arrays.stream(values()).map(FundingModel::code).collect(Collectors.joining(", "));
    }
}
