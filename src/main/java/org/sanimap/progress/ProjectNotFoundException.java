package org.sanimap.progress;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No project has this id (answered 404 problem+json). */
public class ProjectNotFoundException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public ProjectNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, problem("project " + id + " not found"), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        p.setTitle("Not found");
        return p;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
