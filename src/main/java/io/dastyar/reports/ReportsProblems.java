package io.dastyar.reports;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The reports API's refusals as problem details ({@code application/problem+json}). */
@RestControllerAdvice(assignableTypes = ReportsApiController.class)
class ReportsProblems {

    @ExceptionHandler(BadReportRequest.class)
    ResponseEntity<ProblemDetail> refused(BadReportRequest bad) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(bad.problem());
    }
}
