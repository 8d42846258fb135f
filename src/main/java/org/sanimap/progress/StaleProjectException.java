package org.sanimap.progress;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A project update named a version that is no longer the stored one (answered 409). */
public class StaleProjectException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public StaleProjectException(long id, long given, long stored) {
        super(HttpStatus.CONFLICT, problem("project " + id + " was changed by someone else: you sent version " + given
                + " but the stored version is " + stored + "; reload it and apply your change again"), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        p.setTitle("Stale version");
        return p;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
