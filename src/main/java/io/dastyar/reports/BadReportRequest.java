package io.dastyar.reports;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A report asked for with parameters it cannot have: answered with 400 and a problem detail saying which. */
class BadReportRequest extends RuntimeException {

    static final URI TYPE = URI.create("https://dastyar.io/problems/invalid-report-request");

    BadReportRequest(String detail) {
        super(detail, null, false, false);
    }

    ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, getMessage());
        problem.setType(TYPE);
        problem.setTitle("Invalid report request");
        return problem;
    }
}
