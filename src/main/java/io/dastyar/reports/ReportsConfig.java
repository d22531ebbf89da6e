package io.dastyar.reports;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportsProperties.class)
class ReportsConfig implements SchedulingConfigurer {

    private final FactRefresh refresh;
    private final ReportsProperties settings;

    ReportsConfig(FactRefresh refresh, ReportsProperties settings) {
        this.refresh = refresh;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(refresh::refreshQuietly, settings.refreshInterval());
    }
}
