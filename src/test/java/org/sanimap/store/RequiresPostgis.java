package org.sanimap.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against PostGIS. Under CI=true it always runs (and fails when PostGIS
 * is unreachable); elsewhere it is skipped when no PostGIS answers on the local PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgisCondition.class)
public @interface RequiresPostgis {
}
