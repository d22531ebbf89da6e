package io.dastyar.support;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.listener.SingleQueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the writing statements (INSERT, UPDATE, DELETE; each row of a batch counts) the application sends to its
 * database, whichever thread sends them, so tests can measure what an operation costs in writes.
 */
public class WriteCounter implements BeanPostProcessor {

    private final SingleQueryCountHolder counts = new SingleQueryCountHolder();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name(beanName).countQuery(counts).build();
        }
        return bean;
    }

    /** Writing statements sent so far. */
    public long writes() {
        return counts.getQueryCountMap().values().stream()
                .mapToLong(count -> count.getInsert() + count.getUpdate() + count.getDelete()).sum();
    }

    /** Statements of any kind sent so far. */
    public long statements() {
        return counts.getQueryCountMap().values().stream().mapToLong(QueryCount::getTotal).sum();
    }
}
