package io.dastyar.system;

import java.util.LinkedHashMap;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.json.JacksonJsonView;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;

/** The staff pages' language, error pages, and what every request goes through before security. */
@Configuration(proxyBeanMethods = false)
class StaffWebConfig implements WebMvcConfigurer {

    /** The name the DispatcherServlet looks it up by. */
    @Bean
    LocaleResolver localeResolver() {
        return new StaffLanguage();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StaffLanguage.Choice(localeResolver())).excludePathPatterns("/api/**");
    }

    /**
     * Right after Spring Boot's character-encoding filter (forms are read as UTF-8, not ISO-8859-1) and before
     * everything else, Spring Security included: see {@link MalformedRequests}.
     */
    @Bean
    FilterRegistrationBean<MalformedRequests> malformedRequests() {
        var registration = new FilterRegistrationBean<>(new MalformedRequests());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Browsers get the staff error pages (templates/error/), API clients get the error as JSON whatever they
     * accept. (Declaring a resolver replaces Spring Boot's, so this one hands everything else to it.)
     */
    @Bean
    ErrorViewResolver errorViews(ApplicationContext context, WebProperties web) {
        var templates = new DefaultErrorViewResolver(context, web.getResources());
        return (request, status, model) -> {
            Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String failed = path instanceof String uri ? uri.substring(request.getContextPath().length()) : "";
            if (failed.startsWith("/api/")) {
                var json = new JacksonJsonView();
                json.setExtractValueFromSingleKeyModel(false);
                var answer = new ModelAndView(json, new LinkedHashMap<>(model));
                answer.setStatus(status);
                return answer;
            }
            return templates.resolveErrorView(request, status, model);
        };
    }
}
