package org.sanimap.coverage;

import java.time.LocalDate;
import java.util.List;

/**
 * Coverage on a series of days: how a campaign moved the covered population, from the facilities as they stood
 * at the end of each day.
 *
 * @param type         facility type
 * @param metric       distance metric
 * @param radiusMeters service radius, metres
 * @param statuses     statuses counted
 * @param step         {@code week}, {@code month}, {@code quarter} or {@code year}
 * @param points       one per day, oldest first; the last is {@code to}
 */
public record CoverageTrend(String type, String metric, double radiusMeters, List<String> statuses, String step,
        List<Point> points) {

    public CoverageTrend {
        statuses = List.copyOf(statuses);
        points = List.copyOf(points);
    }

    /**
     * @param asOf               the day
     * @param facilityCount      facilities counted that day
     * @param totalPopulation    residents of the demand layer
     * @param coveredPopulation  residents within reach that day
     * @param coveredPercent     covered share, percent
     * @param perDistrict        the same per planning area (one "(all)" area without districts)
     * @param projected          true for a day ahead: the facilities as planned (see {@link CoverageReport#projected})
     */
    public record Point(LocalDate asOf, int facilityCount, double totalPopulation, double coveredPopulation,
            double coveredPercent, List<CoverageReport.District> perDistrict, boolean projected) {

        public Point {
            perDistrict = List.copyOf(perDistrict);
        }
    }

    /** Most dates in one trend. */
    public static final int MAX_POINTS = 120;

    /**
     * The days from {@code from} to {@code to}: {@code from} plus whole steps (counted from {@code from}, so that
     * month ends stay month ends where the month has the day), then {@code to} if the steps miss it.
     *
     * @throws IllegalArgumentException for an unknown step, {@code from} after {@code to}, or more than
     *                                  {@value #MAX_POINTS} dates
     */
    static List<LocalDate> days(LocalDate from, LocalDate to, String step) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        java.util.ArrayList<LocalDate> days = new java.util.ArrayList<>();
        for (int k = 0;; k++) {
            LocalDate d = switch (step) {
                case "week" -> from.plusWeeks(k);
                case "month" -> from.plusMonths(k);
                case "quarter" -> from.plusMonths(3L * k);
                case "year" -> from.plusYears(k);
                default -> throw new IllegalArgumentException("unknown step '" + step + "'; expected week, month, quarter or year");
            };
            if (d.isAfter(to) || days.size() > MAX_POINTS) {
                break;
            }
            days.add(d);
        }
        if (!days.get(days.size() - 1).equals(to)) {
            days.add(to);
        }
        if (days.size() > MAX_POINTS) {
            throw new IllegalArgumentException("from " + from + " to " + to + " by " + step + " gives more than " + MAX_POINTS
                    + " dates; take a longer step or a shorter span");
        }
        return days;
    }
}
