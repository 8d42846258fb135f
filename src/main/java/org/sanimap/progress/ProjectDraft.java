package org.sanimap.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.sanimap.facility.FacilityType;

/**
 * The editable content of a project (a campaign batch such as "80 new toilets in 4 districts").
 * Validated on construction with exact messages.
 *
 * @param name            unique project name
 * @param facilityType    the type of facility the project builds
 * @param targetCount     how many facilities the project is to deliver, 1 or more
 * @param districts       the districts (区) it covers; may be empty
 * @param budgetYuan      budget in yuan (元), null when unknown
 * @param fundingModel    government or PPP, null when unknown
 * @param responsibleUnit operator or responsible unit (责任单位), may be null
 * @param plannedStart    planned start of construction, may be null
 * @param plannedEnd      planned completion, may be null, not before the start
 * @param decidedOn       the date the project was decided: its planned facilities exist from that date
 *                        on (in replays of the past); null means today
 */
public record ProjectDraft(String name, FacilityType facilityType, int targetCount, List<String> districts,
        Double budgetYuan, FundingModel fundingModel, String responsibleUnit, LocalDate plannedStart,
        LocalDate plannedEnd, LocalDate decidedOn) {

    public ProjectDraft {
        name = name == null ? null : name.strip();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("project name is required");
        }
        if (name.length() > 500) {
            throw new IllegalArgumentException("project name longer than 500 characters");
        }
        if (facilityType == null) {
            throw new IllegalArgumentException("project facilityType is required; expected one of " + FacilityType.codes());
        }
        if (targetCount < 1 || targetCount > 1_000_000) {
            throw new IllegalArgumentException("targetCount " + targetCount + " out of range [1, 1000000]");
        }
        LinkedHashSet<String> cleaned = new LinkedHashSet<>();
        for (String d : districts == null ? List.<String>of() : districts) {
            String s = d == null ? "" : d.strip();
            if (s.isEmpty() || s.contains("\n") || s.length() > 200) {
                throw new IllegalArgumentException("district '" + d + "' must be 1 to 200 characters on one line");
            }
            cleaned.add(s);
        }
        districts = List.copyOf(new ArrayList<>(cleaned));
        if (budgetYuan != null && (!Double.isFinite(budgetYuan) || budgetYuan < 0)) {
            throw new IllegalArgumentException("budgetYuan " + budgetYuan + " must be a non-negative number");
        }
        responsibleUnit = responsibleUnit == null || responsibleUnit.isBlank() ? null : responsibleUnit.strip();
        if (responsibleUnit != null && responsibleUnit.length() > 500) {
            throw new IllegalArgumentException("responsibleUnit longer than 500 characters");
        }
        if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
            throw new IllegalArgumentException("plannedEnd " + plannedEnd + " is before plannedStart " + plannedStart);
        }
    }
}
