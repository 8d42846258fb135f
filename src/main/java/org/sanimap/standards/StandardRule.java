package org.sanimap.standards;

import java.util.Set;
import org.sanimap.facility.FacilityType;

/**
 * One siting rule of a standard.
 *
 * @param code         stable identifier, e.g. {@code gb55013-toilet-radius}
 * @param facilityType the facility type it governs
 * @param kind         what it limits (its unit follows from the kind)
 * @param areaClass    land use, street class or collection mode it applies to
 * @param minValue     lower bound, or null
 * @param maxValue     upper bound, or null (a radius has only a maximum)
 * @param source       the standard and clause, e.g. {@code GB 55013-2021 5.0.1}
 * @param confidence   H, M or L (see data/standards/SOURCE.md)
 * @param active       whether reports use it by default
 * @param note         free text
 */
public record StandardRule(String code, FacilityType facilityType, RuleKind kind, String areaClass, Double minValue,
        Double maxValue, String source, String confidence, boolean active, String note) {

    private static final Set<String> CONFIDENCES = Set.of("H", "M", "L", "H (2003)", "M-H", "L-M");

    public StandardRule {
        if (code == null || !code.matches("[a-z0-9][a-z0-9_.-]{0,99}")) {
            throw new IllegalArgumentException("rule code '" + code + "' must be 1-100 characters of a-z, 0-9, '.', '_' or '-'");
        }
        if (facilityType == null || kind == null) {
            throw new IllegalArgumentException("facility type and rule kind are required");
        }
        if (areaClass == null || areaClass.isBlank()) {
            throw new IllegalArgumentException("area class is required (e.g. residential, all)");
        }
        if (minValue == null && maxValue == null) {
            throw new IllegalArgumentException("a rule needs a minimum, a maximum or both");
        }
        if ((minValue != null && !(minValue >= 0)) || (maxValue != null && !(maxValue > 0))) {
            throw new IllegalArgumentException("rule values must be positive numbers");
        }
        if (minValue != null && maxValue != null && minValue > maxValue) {
            throw new IllegalArgumentException("minimum " + minValue + " is greater than maximum " + maxValue);
        }
        if (kind == RuleKind.RADIUS && maxValue == null) {
            throw new IllegalArgumentException("a radius rule needs a maximum in metres");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source is required: the standard and clause the rule comes from");
        }
        if (confidence == null || !CONFIDENCES.contains(confidence)) {
            throw new IllegalArgumentException("confidence '" + confidence + "' must be H, M or L");
        }
    }

    /** Unit of the values. */
    public String unit() {
        return kind.unit();
    }
}
