package org.sanimap.engine.siting;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/** Reading a SCIP (OR-Tools linear solver) result the same way for every siting model. */
final class ScipResults {

    private ScipResults() {
    }

    /**
     * Solve parameters with a relative gap of 0: "optimal" then means proven optimal, not within
     * OR-Tools' default 0.01 %.
     */
    static MPSolverParameters exactGap() {
        MPSolverParameters parameters = new MPSolverParameters();
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        return parameters;
    }

    static SolveStatus status(MPSolver.ResultStatus status) {
        return switch (status) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            default -> SolveStatus.UNKNOWN;
        };
    }

    static boolean hasSolution(SolveStatus status) {
        return status == SolveStatus.OPTIMAL || status == SolveStatus.FEASIBLE;
    }

    /** 0-based indexes of the binary variables set to 1, ascending. */
    static int[] chosen(MPVariable[] x) {
        List<Integer> chosen = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            if (x[j].solutionValue() > 0.5) {
                chosen.add(j);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
