package org.sanimap.store;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresPostgis}. */
public class PostgisCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (PostgisTestDatabase.required()) {
            return ConditionEvaluationResult.enabled("CI=true: PostGIS tests must run");
        }
        return PostgisTestDatabase.reachable()
                ? ConditionEvaluationResult.enabled("PostGIS reachable")
                : ConditionEvaluationResult.disabled("PostGIS not reachable on the local PostgreSQL and CI is not true");
    }
}
