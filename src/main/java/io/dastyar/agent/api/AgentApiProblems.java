package io.dastyar.agent.api;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the agent API as a problem detail ({@code application/problem+json}): the API's own cases, and
 * Spring MVC's (malformed JSON, a wrong method or media type), which keep their 4xx status.
 */
@RestControllerAdvice(basePackageClasses = AgentApiProblems.class)
class AgentApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(AgentApiProblem.class)
    ResponseEntity<ProblemDetail> refused(AgentApiProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.problem());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        AgentApiProblem problem = AgentApiProblem.invalidRequest("The request body is not the JSON this call expects.");
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.problem());
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType().equals(URI.create("about:blank"))) {
            problem.setType(URI.create(AgentApiProblem.TYPES + "invalid-request"));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
